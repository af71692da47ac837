package ru.yavka.audit.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.yavka.audit.repository.AuditRecord;
import ru.yavka.audit.repository.DestructionRecord;
import ru.yavka.audit.repository.ResultPage;
import ru.yavka.audit.service.ChainVerification;
import ru.yavka.audit.service.export.PatientExport;

/** The API's JSON shapes. Times go out as ISO-8601 in the clinic's zone (with its offset). */
final class Views {

    static final ZoneId CLINIC = ZoneId.of("Europe/Moscow");

    private Views() {
    }

    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(CLINIC).toOffsetDateTime();
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
        static <E, T> PageView<T> of(ResultPage<E> page, Function<E, T> view) {
            ResultPage<T> mapped = page.map(view);
            return new PageView<>(mapped.items(), mapped.page(), mapped.size(), mapped.total());
        }
    }

    /** A record of the log, with its place in the chain. */
    record AuditRecordView(long sequence, UUID eventId, OffsetDateTime occurredAt, String actor, String actorRole,
            UUID patientId, String recordType, String recordId, String action, String purpose, String service,
            OffsetDateTime storedAt, String prevHash, String hash) {
        static AuditRecordView of(AuditRecord r) {
            return new AuditRecordView(r.seq, r.eventId, local(r.occurredAt), r.actor, r.actorRole, r.patientId,
                    r.recordType, r.recordId, r.action, r.purpose, r.service, local(r.storedAt), r.prevHash, r.hash);
        }
    }

    /** One line of a patient's "who looked at my record". */
    record AccessView(OffsetDateTime at, String actor, String role, String action, String purpose, String service,
            String recordType) {
        static AccessView of(AuditRecord r) {
            return new AccessView(local(r.occurredAt), r.actor, r.actorRole, r.action, r.purpose, r.service,
                    r.recordType);
        }
    }

    record AccessesView(UUID patientId, List<AccessView> items, int page, int size, long total) {
        static AccessesView of(UUID patientId, ResultPage<AuditRecord> page) {
            return new AccessesView(patientId, page.items().stream().map(AccessView::of).toList(), page.page(),
                    page.size(), page.total());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerificationView(boolean intact, long checked, BrokenView firstBroken, LinkView head) {
        static VerificationView of(ChainVerification v) {
            return new VerificationView(v.intact(), v.checked(),
                    v.firstBroken() == null ? null : new BrokenView(v.firstBroken().sequence(),
                            v.firstBroken().eventId(), v.firstBroken().reason()),
                    v.head() == null ? null : new LinkView(v.head().sequence(), v.head().hash()));
        }
    }

    record BrokenView(long sequence, UUID eventId, String reason) {
    }

    record LinkView(long sequence, String hash) {
    }

    /** A line of the log extract for an act of destruction (Roskomnadzor Order 179). */
    record DestructionRecordView(long id, UUID patientId, List<String> dataCategories, String system, String reason,
            OffsetDateTime destroyedAt, OffsetDateTime recordedAt, String recordedBy) {
        static DestructionRecordView of(DestructionRecord r) {
            return new DestructionRecordView(r.id, r.patientId, List.of(r.dataCategories), r.system, r.reason,
                    local(r.destroyedAt), local(r.recordedAt), r.recordedBy);
        }
    }

    /**
     * A patient's access-request export: when it was made (UTC), whether every service answered,
     * each source's status, and each service's section.
     */
    record ExportView(UUID patientId, Instant generatedAt, boolean complete, Map<String, String> sources,
            Map<String, Object> booking, Map<String, Object> reminders, AuditSectionView audit) {
        static ExportView of(PatientExport.Export export) {
            Map<String, String> sources = new LinkedHashMap<>();
            sources.put("booking-service", export.booking().status());
            sources.put("reminder-service", export.reminders().status());
            sources.put("audit-service", "ok");
            return new ExportView(export.patientId(), export.generatedAt(), export.complete(), sources,
                    export.booking().json(), export.reminders().json(),
                    new AuditSectionView("ok", export.accesses().stream().map(AccessView::of).toList(),
                            export.destructionRecords().stream().map(DestructionRecordView::of).toList()));
        }
    }

    record AuditSectionView(String status, List<AccessView> accesses, List<DestructionRecordView> destructionRecords) {
    }
}
