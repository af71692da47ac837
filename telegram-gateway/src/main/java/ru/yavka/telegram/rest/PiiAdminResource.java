package ru.yavka.telegram.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import ru.yavka.telegram.service.PiiReencryption;

/**
 * Operations on the personal-data keys, the same as booking-service's; see docs/KEY-ROTATION.md.
 * Not on the public ingress: only the webhook is.
 */
@Path("/api/admin/pii")
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
public class PiiAdminResource {

    private final PiiReencryption reencryption;

    public PiiAdminResource(PiiReencryption reencryption) {
        this.reencryption = reencryption;
    }

    /** Call until {@code remaining} is 0: rows in use at the time are left for the next call. */
    @POST
    @Path("/re-encrypt")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public PiiReencryption.Progress reencrypt() {
        return reencryption.run();
    }
}
