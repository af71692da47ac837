package ru.yavka.contracts.testing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real local stack, isolated for this run: its own
 * database, topic prefix, consumer groups and Redis key prefix, and its own JWT keys.
 * Pass the service name with {@code initArgs = @ResourceArg(name = "service", value = "booking")},
 * and the real services it talks to with {@code @ResourceArg(name = "with", value = "booking-service,
 * reminder-service")} (see {@link ClinicServices#MODULES}).
 */
public class IsolatedStackResource implements QuarkusTestResourceLifecycleManager {

    /** System property naming the folder of the run's own broker, when a test asked for one. */
    public static final String OWN_KAFKA_DIR = "yavka.test.own-kafka-dir";

    private String service = "svc";
    private boolean ownKafka;
    private Set<String> with = Set.of();
    private Map<String, String> args = Map.of();
    private ClinicServices services;
    private TestDatabase database;
    private KafkaBrokerProcess broker;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        args = Map.copyOf(initArgs);
        ownKafka = "own".equals(initArgs.get("kafka"));
        with = new LinkedHashSet<>(Arrays.stream(initArgs.getOrDefault("with", "").split(","))
                .map(String::strip).filter(m -> !m.isEmpty()).toList());
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
        config.put("quarkus.redis.hosts", TestRun.redisUrl());
        config.put("yavka.redis.key-prefix", "yt:" + TestRun.id() + ":");
        if (!with.isEmpty()) {
            services = ClinicServices.start(service, with, bootstrap, keys);
            // Tests that read what another service logged (no personal data in logs) find it there.
            config.putAll(services.testConfig());
            if (services.has("booking-service")) {
                config.put("quarkus.rest-client.booking.url", services.url("booking-service"));
            }
            if (services.has("triage-service")) {
                config.put("quarkus.rest-client.triage.url", services.url("triage-service"));
            }
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

    @Override
    public void stop() {
        if (services != null) {
            services.close();
        }
        if (broker != null) {
            broker.stop();
        }
        if (database != null && !"true".equals(System.getenv("YAVKA_KEEP_TEST_DB"))) {
            database.drop();
        }
    }
}
