package ru.yavka.contracts.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real local stack, isolated for this run: its own
 * database, topic prefix, consumer groups and Redis key prefix, and its own JWT keys.
 * Pass the service name with {@code initArgs = @ResourceArg(name = "service", value = "booking")}.
 */
public class IsolatedStackResource implements QuarkusTestResourceLifecycleManager {

    /** System property naming the folder of the run's own broker, when a test asked for one. */
    public static final String OWN_KAFKA_DIR = "yavka.test.own-kafka-dir";

    private String service = "svc";
    private boolean ownKafka;
    private boolean withBooking;
    private Map<String, String> args = Map.of();
    private TestDatabase bookingDatabase;
    private ServiceProcess booking;
    private TestDatabase database;
    private KafkaBrokerProcess broker;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        args = Map.copyOf(initArgs);
        ownKafka = "own".equals(initArgs.get("kafka"));
        withBooking = initArgs.getOrDefault("with", "").contains("booking-service");
    }

    /** The broker of a test that runs with {@code kafka=own}, to stop and start it. */
    public static KafkaBrokerProcess ownBroker() {
        return new KafkaBrokerProcess(java.nio.file.Paths.get(System.getProperty(OWN_KAFKA_DIR)));
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create(service);
        String bootstrap = TestRun.kafkaBootstrap();
        if (ownKafka) {
            broker = KafkaBrokerProcess.create();
            System.setProperty(OWN_KAFKA_DIR, broker.dir().toString());
            bootstrap = broker.bootstrap();
        }
        TestTopics.createAll(bootstrap, TestRun.topicPrefix());
        TestKeys keys = TestKeys.generate();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", database.user());
        config.put("quarkus.datasource.password", database.password());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("yavka.kafka.topic-prefix", TestRun.topicPrefix());
        config.put("yavka.kafka.group-prefix", "g" + TestRun.id() + ".");
        config.put("quarkus.redis.hosts", "redis://" + TestRun.env("YAVKA_REDIS_HOST", "127.0.0.1") + ":"
                + TestRun.env("YAVKA_REDIS_PORT", "6379"));
        config.put("yavka.redis.key-prefix", "yt:" + TestRun.id() + ":");
        if (withBooking) {
            String bookingUrl = startBooking(bootstrap, keys);
            config.put("quarkus.rest-client.booking.url", bookingUrl);
            config.put("yavka.test.booking-url", bookingUrl);
            // Tests that read what booking-service logged (no personal data in logs) find it here.
            config.put("yavka.test.booking-log", booking.log().toString());
        }
        config.put("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
        config.put("smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());
        // Personal-data keys made up for this run: tests never use a key that could be real.
        config.put("yavka.pii.key", args.getOrDefault("pii-key", UUID.randomUUID() + "-" + UUID.randomUUID()));
        if (args.containsKey("pii-previous-key")) {
            config.put("yavka.pii.previous-key", args.get("pii-previous-key"));
        }
        config.put("yavka.pii.hmac-key", UUID.randomUUID() + "-" + UUID.randomUUID());
        return config;
    }

    /**
     * The real booking-service for tests that cross into it: same topics, Redis prefix and JWT
     * keys as the run, its own database.
     */
    private String startBooking(String bootstrap, TestKeys keys) {
        bookingDatabase = TestDatabase.create(service + "_booking");
        Map<String, String> env = new HashMap<>();
        env.put("YAVKA_BOOKING_DB_REACTIVE_URL", bookingDatabase.reactiveUrl());
        env.put("YAVKA_BOOKING_DB_JDBC_URL", bookingDatabase.jdbcUrl());
        env.put("YAVKA_DB_USER", bookingDatabase.user());
        env.put("YAVKA_DB_PASSWORD", bookingDatabase.password());
        env.put("YAVKA_KAFKA_BOOTSTRAP", bootstrap);
        env.put("YAVKA_KAFKA_TOPIC_PREFIX", TestRun.topicPrefix());
        env.put("YAVKA_REDIS_URL", "redis://" + TestRun.env("YAVKA_REDIS_HOST", "127.0.0.1") + ":"
                + TestRun.env("YAVKA_REDIS_PORT", "6379"));
        env.put("YAVKA_REDIS_KEY_PREFIX", "yt:" + TestRun.id() + ":booking:");
        env.put("YAVKA_PII_KEY", UUID.randomUUID() + "-" + UUID.randomUUID());
        env.put("YAVKA_PII_HMAC_KEY", UUID.randomUUID() + "-" + UUID.randomUUID());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toString());
        env.put("YAVKA_WAITLIST_OFFER_TTL", "15m");
        booking = ServiceProcess.start("booking-service", env);
        return booking.url();
    }

    @Override
    public void stop() {
        if (booking != null) {
            booking.close();
        }
        if (bookingDatabase != null) {
            bookingDatabase.drop();
        }
        if (broker != null) {
            broker.stop();
        }
        if (database != null && !"true".equals(System.getenv("YAVKA_KEEP_TEST_DB"))) {
            database.drop();
        }
    }
}
