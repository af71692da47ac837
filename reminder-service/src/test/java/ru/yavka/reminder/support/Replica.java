package ru.yavka.reminder.support;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

import ru.yavka.reminder.messaging.EventPublisher;
import ru.yavka.reminder.service.ReminderMetrics;
import ru.yavka.reminder.service.TouchDispatcher;

/**
 * A second (third...) dispatcher as another replica would run it: its own database
 * connection, tagged with an application_name so a test can kill that session.
 */
public final class Replica implements AutoCloseable {

    private final String name;
    private final Pool pool;
    private final TouchDispatcher dispatcher;

    public Replica(String name, Vertx vertx, EventPublisher publisher, Clock clock, int batchSize) {
        this.name = name;
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class);
        PgConnectOptions options = PgConnectOptions.fromUri(url)
                .setUser(ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class))
                .setPassword(ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
        options.addProperty("application_name", name);
        this.pool = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1))
                .connectingTo(options)
                .using(vertx.getDelegate())
                .build());
        this.dispatcher = new TouchDispatcher(pool, publisher, clock, new ReminderMetrics(new SimpleMeterRegistry()),
                new TouchDispatcher.Settings(batchSize, Duration.ofSeconds(30), Duration.ofMinutes(1)));
    }

    public String name() {
        return name;
    }

    public TouchDispatcher dispatcher() {
        return dispatcher;
    }

    /** Ends this replica's database session from the server side, as if its process had died. */
    public static int killSession(Pool adminPool, String applicationName) {
        return adminPool.preparedQuery("""
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE application_name = $1 AND datname = current_database()""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(applicationName))
                .await().atMost(Duration.ofSeconds(10)).size();
    }

    @Override
    public void close() {
        pool.close().await().atMost(Duration.ofSeconds(10));
    }

    /** Settings for a producer that talks to nobody: every send fails quickly, as with the broker down. */
    public static Map<String, Object> deadBrokerProducer() {
        return Map.of("max.block.ms", 1000, "request.timeout.ms", 1000, "delivery.timeout.ms", 2000);
    }
}
