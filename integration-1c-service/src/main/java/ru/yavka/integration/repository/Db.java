package ru.yavka.integration.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The reactive pool, used from the worker threads the sync jobs run on. The tables here are
 * links and queues whose guarantees are single SQL statements (upserts guarded by a version,
 * inserts that do nothing on conflict), so they are written in SQL, as booking-service's
 * outbox relay is, rather than through entities.
 */
@ApplicationScoped
public class Db {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;

    public Db(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    public RowSet<Row> run(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).await().atMost(TIMEOUT);
    }

    public RowSet<Row> run(String sql) {
        return pool.query(sql).execute().await().atMost(TIMEOUT);
    }

    public <T> List<T> list(String sql, Tuple params, Function<Row, T> mapper) {
        List<T> result = new ArrayList<>();
        run(sql, params).forEach(row -> result.add(mapper.apply(row)));
        return result;
    }

    public long count(String sql, Tuple params) {
        return run(sql, params).iterator().next().getLong(0);
    }

    public <T> T inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work).await().atMost(TIMEOUT);
    }

    static Uni<RowSet<Row>> on(SqlClient client, String sql, Tuple params) {
        return client.preparedQuery(sql).execute(params);
    }

    /**
     * Runs {@code work} only if no other replica holds the named lock right now (a session
     * advisory lock on a connection kept for the pass: it goes away with the process).
     * Returns false when another replica is at work.
     */
    public boolean exclusively(long lock, Runnable work) {
        SqlConnection connection = pool.getConnection().await().atMost(TIMEOUT);
        try {
            boolean mine = connection.preparedQuery("select pg_try_advisory_lock($1)").execute(Tuple.of(lock))
                    .await().atMost(TIMEOUT).iterator().next().getBoolean(0);
            if (!mine) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                connection.preparedQuery("select pg_advisory_unlock($1)").execute(Tuple.of(lock))
                        .await().atMost(TIMEOUT);
            }
        } finally {
            connection.close().await().atMost(TIMEOUT);
        }
    }
}
