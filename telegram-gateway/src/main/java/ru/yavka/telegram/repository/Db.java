package ru.yavka.telegram.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL straight on the reactive pool, blocking on each statement: every caller here runs on a
 * worker thread (dialogs, the sender, blocking Kafka consumers). Queue claims with DISTINCT ON
 * and ON CONFLICT are simpler to state in SQL than through Hibernate.
 */
@ApplicationScoped
public class Db {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;

    public Db(Pool pool) {
        this.pool = pool;
    }

    public RowSet<Row> query(String sql, Tuple args) {
        return query(pool, sql, args);
    }

    public static RowSet<Row> query(SqlClient client, String sql, Tuple args) {
        return client.preparedQuery(sql).execute(args).await().atMost(TIMEOUT);
    }

    /** Runs {@code work} in one transaction; it commits if {@code work} returns, rolls back if it throws. */
    public <T> T inTransaction(Function<SqlConnection, T> work) {
        SqlConnection connection = pool.getConnection().await().atMost(TIMEOUT);
        try {
            Transaction tx = connection.begin().await().atMost(TIMEOUT);
            try {
                T result = work.apply(connection);
                tx.commit().await().atMost(TIMEOUT);
                return result;
            } catch (RuntimeException e) {
                try {
                    tx.rollback().await().atMost(TIMEOUT);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } finally {
            connection.close().await().atMost(TIMEOUT);
        }
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
