package ru.yavka.audit.repository;

import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuditRecordRepository implements PanacheRepositoryBase<AuditRecord, Long> {

    /** Newest access first; the chain position breaks ties between accesses in the same instant. */
    private static final Sort NEWEST_FIRST = Sort.descending("occurredAt", "seq");

    public Uni<ResultPage<AuditRecord>> search(AuditFilter filter, int page, int size) {
        StringJoiner where = new StringJoiner(" and ");
        Parameters params = new Parameters();
        if (filter.patientId() != null) {
            where.add("patientId = :patientId");
            params = params.and("patientId", filter.patientId());
        }
        if (filter.actor() != null) {
            where.add("actor = :actor");
            params = params.and("actor", filter.actor());
        }
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            params = params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredAt < :to");
            params = params.and("to", filter.to());
        }
        PanacheQuery<AuditRecord> query = where.length() == 0 ? findAll(NEWEST_FIRST)
                : find(where.toString(), NEWEST_FIRST, params);
        return query.count()
                .chain(total -> query.page(Page.of(page, size)).list()
                        .map(items -> new ResultPage<>(items, page, size, total)));
    }
}
