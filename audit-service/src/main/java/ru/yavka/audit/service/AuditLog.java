package ru.yavka.audit.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import ru.yavka.audit.repository.AuditFilter;
import ru.yavka.audit.repository.AuditRecord;
import ru.yavka.audit.repository.AuditRecordRepository;
import ru.yavka.audit.repository.ResultPage;

/** Reading the log: the auditor's search, and a patient's "who looked at my record". */
@ApplicationScoped
public class AuditLog {

    private final AuditRecordRepository records;

    public AuditLog(AuditRecordRepository records) {
        this.records = records;
    }

    @WithSession
    public Uni<ResultPage<AuditRecord>> search(AuditFilter filter, int page, int size) {
        return records.search(filter, page, size);
    }

    /** Every access to the patient's data, newest first (152-FZ Art. 14 access request). */
    @WithSession
    public Uni<ResultPage<AuditRecord>> accessesTo(UUID patientId, int page, int size) {
        return records.search(new AuditFilter(patientId, null, null, null), page, size);
    }
}
