package ru.yavka.reminder.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

import ru.yavka.contracts.kafka.Topics;
import ru.yavka.reminder.messaging.KafkaEventPublisher;
import ru.yavka.reminder.service.ReminderMetrics;
import ru.yavka.reminder.service.TouchDispatcher;

/**
 * {@code ./clinic bench reminders}: the peak-minute dispatch lag of reminder-service's
 * dispatcher against the classic one-Quartz-trigger-per-reminder design, each on a fresh
 * database on the same PostgreSQL, publishing to the same Kafka.
 * <p>
 * Both stores hold the same 100,000 appointments spread over two weeks (about 390,000
 * touches, no-show checks included). A warm-up cohort of 500 touches is sent first and not
 * measured. Then the peak cohort's 10,000 touches are pinned to one due second P a few
 * seconds ahead (hour-aligned slots make whole cohorts due at the same second); nothing else
 * is due for hours. Lag is the Kafka-ack time (the row's sent_at) minus P, for every peak touch.
 * <p>
 * Options: --appointments=100000 --peak=10000 --warmup=500 --batch=500 --interval-ms=1000
 * --quartz-threads=10 --timeout-s=300 --keep (keep the databases and topics).
 */
public final class ReminderBench {

    private static final String SCHED = "YavkaBench";

    private final Map<String, String> options;
    private final BenchDb db;
    private final String bootstrap;
    private final String runId = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(java.time.ZoneOffset.UTC)
            .format(Instant.now());
    private final Instant anchor = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    private final List<String> databases = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();

    record Result(String system, int peak, int sent, List<Long> lagsMillis, Instant due, Instant lastSent,
            long recordsOnTopic, Duration load) {

        long percentile(double p) {
            if (lagsMillis.isEmpty()) {
                return -1;
            }
            int rank = (int) Math.ceil(p / 100.0 * lagsMillis.size());
            return lagsMillis.get(Math.max(0, Math.min(lagsMillis.size() - 1, rank - 1)));
        }

        double throughput() {
            double seconds = Duration.between(due, lastSent).toMillis() / 1000.0;
            return seconds <= 0 ? sent : sent / seconds;
        }
    }

    private ReminderBench(Map<String, String> options) {
        this.options = options;
        this.db = new BenchDb(env("YAVKA_PG_HOST", "127.0.0.1"), env("YAVKA_PG_PORT", "5432"),
                env("YAVKA_PG_USER", "postgres"), env("YAVKA_PG_PASSWORD", ""));
        this.bootstrap = env("YAVKA_KAFKA_BOOTSTRAP", "127.0.0.1:" + env("YAVKA_KAFKA_PORT", "9092"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        ReminderBench bench = new ReminderBench(options);
        try {
            bench.run();
        } finally {
            bench.cleanUp();
        }
        System.exit(0);
    }

    private int warmup() {
        return option("warmup", 500);
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private void run() throws Exception {
        int appointments = option("appointments", 100_000);
        int peak = option("peak", 10_000);
        System.out.printf(Locale.ROOT, "Reminder dispatch benchmark (run %s): %,d appointments over two weeks, "
                + "a peak of %,d touches due in the same second; PostgreSQL %s:%s, Kafka %s%n",
                runId, appointments, peak, db.host, db.port, bootstrap);
        Result ours = reminderService(appointments, peak);
        print(ours);
        Result quartz = quartz(appointments, peak);
        print(quartz);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s %12s%n", "", "p50 lag", "p99 lag", "max lag", "touches/s");
        row(ours);
        row(quartz);
        System.out.printf(Locale.ROOT, "%-44s %9.1fx %9.1fx %9.1fx %11.1fx%n", "ratio Quartz / reminder-service",
                ratio(quartz.percentile(50), ours.percentile(50)), ratio(quartz.percentile(99), ours.percentile(99)),
                ratio(quartz.percentile(100), ours.percentile(100)), ours.throughput() / quartz.throughput());
        System.out.println("(lag = Kafka ack of the touch minus its due time; touches/s = peak touches / "
                + "(last ack - due time); the touches/s ratio is reminder-service / Quartz)");
    }

    private static double ratio(long a, long b) {
        return b <= 0 ? Double.NaN : (double) a / b;
    }

    private static void row(Result r) {
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s %12.0f%s%n", r.system(), seconds(r.percentile(50)),
                seconds(r.percentile(99)), seconds(r.percentile(100)), r.throughput(),
                r.sent() < r.peak() ? "  (INCOMPLETE: " + r.sent() + " of " + r.peak() + ")" : "");
    }

    private static String seconds(long millis) {
        return millis < 0 ? "-" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "  %s: loaded in %.1f s; %,d of %,d peak touches acknowledged, "
                + "%,d peak records on its topic (warm-up excluded)%n", r.system(), r.load().toMillis() / 1000.0,
                r.sent(), r.peak(), r.recordsOnTopic());
    }

    // ------------------------------------------------------------ reminder-service

    private Result reminderService(int appointments, int peak) throws Exception {
        String database = "yavka_bench_" + runId + "_reminder";
        String prefix = "bench" + runId + ".";
        Instant loadStart = Instant.now();
        prepare(database, prefix, appointments, peak);
        Duration load = Duration.between(loadStart, Instant.now());

        int batch = option("batch", 500);
        int interval = option("interval-ms", 1000);
        Vertx vertx = Vertx.vertx();
        io.vertx.mutiny.sqlclient.Pool pool = io.vertx.mutiny.sqlclient.Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(2))
                .connectingTo(PgConnectOptions.fromUri(db.reactiveUrl(database)).setUser(db.user)
                        .setPassword(db.password))
                .using(vertx).build());
        KafkaEventPublisher publisher = new KafkaEventPublisher(bootstrap, prefix, Map.of());
        TouchDispatcher dispatcher = new TouchDispatcher(pool, publisher, Clock.systemUTC(),
                new ReminderMetrics(new SimpleMeterRegistry()),
                new TouchDispatcher.Settings(batch, Duration.ofSeconds(30), Duration.ofMinutes(1)));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // Like @Scheduled(every = "1s", concurrentExecution = SKIP): a tick finding the last one busy does nothing.
            AtomicBoolean busy = new AtomicBoolean();
            scheduler.scheduleAtFixedRate(() -> {
                if (busy.compareAndSet(false, true)) {
                    try {
                        dispatcher.dispatchDue();
                    } catch (RuntimeException e) {
                        System.err.println("dispatch failed: " + e);
                    } finally {
                        busy.set(false);
                    }
                }
            }, 0, interval, TimeUnit.MILLISECONDS);
            try (Connection c = db.connect(database)) {
                Instant warm = pin(c, anchor.plus(BenchData.WARMUP_AFTER_ANCHOR), warmup(), null);
                awaitSent(c, warm, warmup(), Duration.ofSeconds(120));
                Instant due = pin(c, anchor, peak, null);
                return measure(String.format(Locale.ROOT, "reminder-service (1 replica, batch %d, every %d ms)", batch,
                        interval), c, prefix, peak, due, load);
            }
        } finally {
            scheduler.shutdownNow();
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
            publisher.close();
            pool.close().await().atMost(Duration.ofSeconds(10));
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------- Quartz

    private Result quartz(int appointments, int peak) throws Exception {
        String database = "yavka_bench_" + runId + "_quartz";
        String prefix = "bench" + runId + "q.";
        int threads = option("quartz-threads", 10);
        Instant loadStart = Instant.now();
        prepare(database, prefix, appointments, peak);
        try (Connection c = db.connect(database)) {
            BenchDb.runScript(c, "org/quartz/impl/jdbcjobstore/tables_postgres.sql");
        }

        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.instanceName", SCHED);
        props.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        props.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        props.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        props.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        props.setProperty("org.quartz.jobStore.dataSource", "bench");
        props.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // Several replicas of a service share the store: clustered, as a production deployment would run it.
        props.setProperty("org.quartz.jobStore.isClustered", "true");
        // Quartz's documented throughput tuning: acquire up to a thread pool's worth of triggers per round trip.
        props.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(threads));
        props.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        props.setProperty("org.quartz.dataSource.bench.connectionProvider.class", AgroalConnectionProvider.class.getName());
        props.setProperty("org.quartz.dataSource.bench.url", db.jdbcUrl(database));
        props.setProperty("org.quartz.dataSource.bench.user", db.user);
        props.setProperty("org.quartz.dataSource.bench.password", db.password);
        props.setProperty("org.quartz.dataSource.bench.maxConnections", String.valueOf(threads + 4));
        Scheduler scheduler = new StdSchedulerFactory(props).getScheduler();
        AgroalDataSource jobConnections = AgroalConnectionProvider.pool(db.jdbcUrl(database), db.user, db.password,
                threads);
        KafkaEventPublisher publisher = new KafkaEventPublisher(bootstrap, prefix, Map.of());
        scheduler.setJobFactory((bundle, s) -> new QuartzReminderJob(jobConnections, publisher));
        try {
            loadTriggers(scheduler, database, appointments, peak);
            Duration load = Duration.between(loadStart, Instant.now());
            try (Connection c = db.connect(database)) {
                Instant warm = pin(c, anchor.plus(BenchData.WARMUP_AFTER_ANCHOR), warmup(), "warmup");
                scheduler.start();
                awaitSent(c, warm, warmup(), Duration.ofSeconds(300));
                // Standby while the peak is moved in the store; start() wakes the scheduler thread to re-read it.
                scheduler.standby();
                Instant due = pin(c, anchor, peak, "peak");
                Set<org.quartz.TriggerKey> peakTriggers = scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals("peak"));
                if (peakTriggers.size() != peak) {
                    throw new IllegalStateException("Quartz sees " + peakTriggers.size() + " peak triggers, not " + peak);
                }
                if (!scheduler.getTrigger(peakTriggers.iterator().next()).getNextFireTime().toInstant().equals(due)) {
                    throw new IllegalStateException("Quartz does not see the pinned fire time");
                }
                scheduler.start();
                return measure(String.format(Locale.ROOT, "Quartz %s JobStoreTX (%d threads, clustered)",
                        org.quartz.core.QuartzScheduler.getVersionMajor() + "."
                                + org.quartz.core.QuartzScheduler.getVersionMinor() + "."
                                + org.quartz.core.QuartzScheduler.getVersionIteration(), threads),
                        c, prefix, peak, due, load);
            }
        } finally {
            scheduler.shutdown(true);
            publisher.close();
            jobConnections.close();
        }
    }

    /**
     * One Quartz job and trigger per touch, written with COPY (scheduling 390,000 jobs
     * through the API would take longer than the whole benchmark). Every column is copied
     * from a probe job that Quartz itself stored through its API, so the rows are exactly
     * what Quartz writes; only names, group and fire time differ.
     */
    private void loadTriggers(Scheduler scheduler, String database, int appointments, int peak) throws Exception {
        JobKey probe = JobKey.jobKey("probe", "probe");
        scheduler.scheduleJob(JobBuilder.newJob(QuartzReminderJob.class).withIdentity(probe).build(),
                TriggerBuilder.newTrigger().withIdentity("probe", "probe").startAt(java.util.Date.from(anchor)).build());
        try (Connection c = db.connect(database)) {
            Map<String, Object> job = probeRow(c, "qrtz_job_details", "job_name");
            Map<String, Object> trigger = probeRow(c, "qrtz_triggers", "trigger_name");
            Map<String, Object> simple = probeRow(c, "qrtz_simple_triggers", "trigger_name");
            scheduler.deleteJob(probe);
            copyQuartz(c, "qrtz_job_details", job, appointments, peak, (t, row) -> {
                row.put("job_name", t.id().toString());
                row.put("job_group", t.cohort());
            });
            copyQuartz(c, "qrtz_triggers", trigger, appointments, peak, (t, row) -> {
                row.put("trigger_name", t.id().toString());
                row.put("trigger_group", t.cohort());
                row.put("job_name", t.id().toString());
                row.put("job_group", t.cohort());
                row.put("next_fire_time", t.due().toEpochMilli());
                row.put("start_time", t.due().toEpochMilli());
            });
            copyQuartz(c, "qrtz_simple_triggers", simple, appointments, peak, (t, row) -> {
                row.put("trigger_name", t.id().toString());
                row.put("trigger_group", t.cohort());
            });
            analyze(c);
        }
    }

    private static Map<String, Object> probeRow(Connection c, String table, String nameColumn) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE " + nameColumn + " = 'probe'");
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("Quartz wrote no probe row into " + table);
            }
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
            }
            return row;
        }
    }

    interface RowEdit {
        void apply(BenchData.TouchRow touch, Map<String, Object> row);
    }

    /**
     * Fresh statistics before each table: the foreign-key checks of the next COPY are planned
     * from them, and a plan made while the referenced table looked empty scans it for every row.
     */
    private void copyQuartz(Connection c, String table, Map<String, Object> template, int appointments, int peak,
            RowEdit edit) throws SQLException {
        analyze(c);
        List<String> columns = new ArrayList<>(template.keySet());
        try (BenchDb.Copy copy = new BenchDb.Copy(c, table, String.join(",", columns))) {
            new BenchData(appointments, peak, warmup(), anchor, 42).generate(new BenchData.Sink() {
                @Override
                public void appointment(BenchData.Appointment appointment) {
                }

                @Override
                public void touch(BenchData.TouchRow touch) {
                    Map<String, Object> row = new HashMap<>(template);
                    edit.apply(touch, row);
                    copy.row(columns.stream().map(row::get).toArray());
                }
            });
        }
    }

    // ------------------------------------------------------------------ shared

    /** Fresh database with the service's schema and the appointments and touches, plus a fresh topic. */
    private void prepare(String database, String prefix, int appointments, int peak) throws Exception {
        db.create(database);
        databases.add(database);
        db.migrate(database);
        try (Connection c = db.connect(database)) {
            Instant now = Instant.now();
            BenchData data = new BenchData(appointments, peak, warmup(), anchor, 42);
            try (BenchDb.Copy copy = new BenchDb.Copy(c, "appointment", "appointment_id, patient_id, slot_id, doctor_id, "
                    + "doctor_name, specialty, address, start_at, duration_minutes, tier, booked, status, status_version, "
                    + "confirmed, created_at, updated_at")) {
                data.generate(new BenchData.Sink() {
                    @Override
                    public void appointment(BenchData.Appointment a) {
                        copy.row(a.id(), a.patientId(), a.slotId(), a.doctorId(), a.doctorName(), "therapist",
                                a.address(), a.start(), 30, "standard", true, "BOOKED", 1, false, now, now);
                    }

                    @Override
                    public void touch(BenchData.TouchRow touch) {
                    }
                });
            }
            analyze(c);
            try (BenchDb.Copy copy = new BenchDb.Copy(c, "touch", "id, appointment_id, patient_id, kind, action, seq, "
                    + "due_at, planned_due_at, next_attempt_at, status, asks_confirmation, template, params, buttons, "
                    + "idempotency_key, created_at")) {
                data.generate(new BenchData.Sink() {
                    @Override
                    public void appointment(BenchData.Appointment a) {
                    }

                    @Override
                    public void touch(BenchData.TouchRow t) {
                        copy.row(t.id(), t.appointment().id(), t.appointment().patientId(), t.rule().kind(),
                                t.rule().check() ? "NO_SHOW_CHECK" : "MESSAGE", t.seq(), t.due(), t.due(), t.due(),
                                "PLANNED", t.rule().buttons().contains("CONFIRM"), t.rule().template(), t.params(),
                                t.rule().buttons(), t.idempotencyKey(), now);
                    }
                });
                System.out.printf(Locale.ROOT, "  %s: %,d touches stored%n", database, copy.rows());
            }
            analyze(c);
        }
        try (Admin admin = admin()) {
            String topic = prefix + Topics.REMINDER_DUE;
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            topics.add(topic);
        }
    }

    private static void analyze(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    /**
     * Moves a cohort (its touches, and its Quartz triggers when {@code group} is given) from
     * its loaded due time to one second a few seconds from now; returns that second.
     */
    private static Instant pin(Connection c, Instant loadedAt, int expected, String group) throws SQLException {
        Instant due = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE touch SET due_at = ?, planned_due_at = ?, next_attempt_at = ? WHERE due_at = ?")) {
            Timestamp at = Timestamp.from(due);
            s.setTimestamp(1, at);
            s.setTimestamp(2, at);
            s.setTimestamp(3, at);
            s.setTimestamp(4, Timestamp.from(loadedAt));
            int moved = s.executeUpdate();
            if (moved != expected) {
                throw new IllegalStateException("pinned " + moved + " touches, expected " + expected);
            }
        }
        if (group != null) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE qrtz_triggers SET next_fire_time = ?, start_time = ? WHERE trigger_group = ?")) {
                s.setLong(1, due.toEpochMilli());
                s.setLong(2, due.toEpochMilli());
                s.setString(3, group);
                if (s.executeUpdate() != expected) {
                    throw new IllegalStateException("pinned a different number of Quartz triggers in " + group);
                }
            }
        }
        return due;
    }

    /** Polls until {@code expected} touches due at {@code due} are SENT, or the time is up; returns how many are. */
    private static int awaitSent(Connection c, Instant due, int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement count = c.prepareStatement(
                "SELECT count(*) FROM touch WHERE due_at = ? AND status = 'SENT'")) {
            count.setTimestamp(1, Timestamp.from(due));
            while (true) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    int sent = rs.getInt(1);
                    if (sent >= expected || System.nanoTime() > deadline) {
                        return sent;
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /** Waits until every peak touch is SENT (or the timeout), then reads the lags from the rows. */
    private Result measure(String system, Connection c, String prefix, int peak, Instant due, Duration load)
            throws Exception {
        awaitSent(c, due, peak, Duration.ofSeconds(option("timeout-s", 300)));
        List<Long> lags = new ArrayList<>();
        Instant last = due;
        try (PreparedStatement s = c.prepareStatement("SELECT sent_at FROM touch WHERE due_at = ? AND status = 'SENT'")) {
            s.setTimestamp(1, Timestamp.from(due));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant sent = rs.getTimestamp(1).toInstant();
                    lags.add(Duration.between(due, sent).toMillis());
                    last = sent.isAfter(last) ? sent : last;
                }
            }
        }
        Collections.sort(lags);
        return new Result(system, peak, lags.size(), lags, due, last, recordsOn(prefix + Topics.REMINDER_DUE) - warmup(),
                load);
    }

    private long recordsOn(String topic) throws Exception {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000));
    }

    private void cleanUp() {
        if (options.containsKey("keep")) {
            System.out.println("kept databases " + databases + " and topics " + topics);
            return;
        }
        for (String database : databases) {
            try {
                db.drop(database);
            } catch (SQLException e) {
                System.err.println("could not drop " + database + ": " + e.getMessage());
            }
        }
        if (!topics.isEmpty()) {
            try (Admin admin = admin()) {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("could not delete topics " + topics + ": " + e);
            }
        }
        System.out.println("dropped " + databases.stream().collect(Collectors.joining(", ")) + "; deleted topics "
                + String.join(", ", topics));
    }
}
