package ru.yavka.audit.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class DestructionRecordRepository implements PanacheRepositoryBase<DestructionRecord, Long> {

    private static final Sort NEWEST_FIRST = Sort.descending("destroyedAt", "id");

    private final Pool pool;

    public DestructionRecordRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<ResultPage<DestructionRecord>> list(UUID patientId, int page, int size) {
        PanacheQuery<DestructionRecord> query = patientId == null ? findAll(NEWEST_FIRST)
                : find("patientId", NEWEST_FIRST, patientId);
        return query.count()
                .chain(total -> query.page(Page.of(page, size)).list()
                        .map(items -> new ResultPage<>(items, page, size, total)));
    }

    /**
     * Inserts a record made from an event unless one with its event id is already there.
     * Returns true when the row was inserted; once the Uni completes, it is committed.
     */
    public Uni<Boolean> insertOnce(DestructionRecord record) {
        return pool.preparedQuery("insert into destruction_record (patient_id, data_categories, system_name, reason,"
                        + " destroyed_at, recorded_at, recorded_by, event_id) values ($1, $2, $3, $4, $5, $6, $7, $8)"
                        + " on conflict (event_id) do nothing")
                .execute(Tuple.tuple()
                        .addUUID(record.patientId)
                        .addArrayOfString(record.dataCategories)
                        .addString(record.system)
                        .addString(record.reason)
                        .addOffsetDateTime(record.destroyedAt.atOffset(ZoneOffset.UTC))
                        .addOffsetDateTime(record.recordedAt.atOffset(ZoneOffset.UTC))
                        .addString(record.recordedBy)
                        .addUUID(record.eventId))
                .map(result -> result.rowCount() == 1);
    }

    /**
     * Deletes the records destroyed before {@code cutoff}. The application may not delete
     * (V1__audit_log.sql); the database function does it with the owner's rights and never
     * removes one younger than the legal 3 years. Returns how many went.
     */
    public Uni<Long> purgeDestroyedBefore(Instant cutoff) {
        return pool.preparedQuery("select purge_destruction_records($1)")
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
