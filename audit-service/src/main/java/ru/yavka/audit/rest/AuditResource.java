package ru.yavka.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import ru.yavka.audit.config.AuditConfig;
import ru.yavka.audit.repository.AuditFilter;
import ru.yavka.audit.rest.Views.AccessesView;
import ru.yavka.audit.rest.Views.AuditRecordView;
import ru.yavka.audit.rest.Views.PageView;
import ru.yavka.audit.rest.Views.VerificationView;
import ru.yavka.audit.service.AuditLog;
import ru.yavka.audit.service.ChainVerifier;

@Path("/api/audit")
@Tag(name = "audit", description = "The tamper-evident log of accesses to personal data (152-FZ)")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    private static final int MAX_ACTOR = 200;

    private final AuditLog log;
    private final ChainVerifier verifier;
    private final int maxPageSize;

    public AuditResource(AuditLog log, ChainVerifier verifier, AuditConfig config) {
        this.log = log;
        this.verifier = verifier;
        this.maxPageSize = config.maxPageSize();
    }

    @GET
    @Operation(summary = "Search the log, newest access first",
            description = "from/to: a date (the clinic's day) or ISO-8601 with an offset; to is exclusive")
    public Uni<PageView<AuditRecordView>> search(@QueryParam("patientId") String patientId,
            @QueryParam("actor") String actor, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        var fromInstant = Params.instant(from, "from", false);
        var toInstant = Params.instant(to, "to", true);
        Params.ordered(fromInstant, toInstant);
        AuditFilter filter = new AuditFilter(Params.uuid(patientId, "patientId"),
                Params.text(actor, "actor", MAX_ACTOR), fromInstant, toInstant);
        return log.search(filter, Params.page(page), Params.size(size, maxPageSize))
                .map(result -> PageView.of(result, AuditRecordView::of));
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Re-compute the hash chain and name the first record that does not fit")
    public Uni<VerificationView> verify() {
        return verifier.verify().map(VerificationView::of);
    }

    @GET
    @Path("/patients/{id}/accesses")
    @Operation(summary = "Who looked at this patient's data: for the patient's access request (152-FZ Art. 14)")
    public Uni<AccessesView> accesses(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var patientId = Params.requiredUuid(id, "id");
        return log.accessesTo(patientId, Params.page(page), Params.size(size, maxPageSize))
                .map(result -> AccessesView.of(patientId, result));
    }
}
