package ru.yavka.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import ru.yavka.audit.config.AuditConfig;
import ru.yavka.audit.rest.Views.DestructionRecordView;
import ru.yavka.audit.rest.Views.PageView;
import ru.yavka.audit.service.DestructionRecords;
import ru.yavka.audit.service.DestructionRequest;

@Path("/api/audit/destruction-records")
@Tag(name = "destruction records", description = "Log extract for acts of destruction (Roskomnadzor Order 179), kept 3 years")
public class DestructionRecordResource {

    private final DestructionRecords records;
    private final SecurityIdentity identity;
    private final int maxPageSize;

    public DestructionRecordResource(DestructionRecords records, SecurityIdentity identity, AuditConfig config) {
        this.records = records;
        this.identity = identity;
        this.maxPageSize = config.maxPageSize();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Put a destruction of a patient's personal data on record")
    public Uni<Response> record(@NotNull @Valid DestructionRequest request) {
        return records.record(request, identity.getPrincipal().getName())
                .map(saved -> Response.status(201).entity(DestructionRecordView.of(saved)).build());
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The destruction records, newest first, optionally of one patient")
    public Uni<PageView<DestructionRecordView>> list(@QueryParam("patientId") String patientId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return records.list(Params.uuid(patientId, "patientId"), Params.page(page), Params.size(size, maxPageSize))
                .map(result -> PageView.of(result, DestructionRecordView::of));
    }
}
