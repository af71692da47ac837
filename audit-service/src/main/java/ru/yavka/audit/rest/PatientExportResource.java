package ru.yavka.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import ru.yavka.audit.rest.Views.ExportView;
import ru.yavka.audit.service.export.PatientExport;

@Path("/api/audit/patients/{id}/export")
@Tag(name = "audit", description = "The tamper-evident log of accesses to personal data (152-FZ)")
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class PatientExportResource {

    private final PatientExport export;
    private final JsonWebToken caller;

    public PatientExportResource(PatientExport export, JsonWebToken caller) {
        this.export = export;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Everything held about the patient across the services (152-FZ Art. 14 access request)",
            description = "Read from the services with the caller's token; a service that does not answer leaves"
                    + " its section unavailable and complete false")
    public Uni<ExportView> export(@PathParam("id") String id) {
        var patientId = Params.requiredUuid(id, "id");
        // The caller's own token: the other services record the access under the staff member's name.
        return export.of(patientId, "Bearer " + caller.getRawToken()).map(ExportView::of);
    }
}
