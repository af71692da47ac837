package ru.yavka.booking.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import ru.yavka.booking.service.PiiReencryption;

/** Operations on the personal-data keys; see docs/KEY-ROTATION.md. */
@Path("/api/admin/pii")
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
public class PiiAdminResource {

    private final PiiReencryption reencryption;

    public PiiAdminResource(PiiReencryption reencryption) {
        this.reencryption = reencryption;
    }

    @POST
    @Path("/re-encrypt")
    public Uni<PiiReencryption.Progress> reencrypt() {
        return reencryption.run();
    }
}
