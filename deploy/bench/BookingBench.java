import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Concurrent book-and-cancel traffic against a running booking-service. Each worker books a
 * random slot of a contended pool for a random patient and, when it wins, cancels it again,
 * so slots keep changing hands. Run by `./clinic bench booking`.
 *
 * Args: baseUrl token seconds workers slots
 */
public class BookingBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int seconds = Integer.parseInt(args[2]);
        int workers = Integer.parseInt(args[3]);
        int slotCount = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Api api = new Api(http, base, token);

        String doctor = api.id(api.post("/api/doctors", "{\"fullName\":\"Бенч Доктор\",\"specialty\":\"therapist\","
                + "\"branch\":\"bench\",\"address\":\"bench\"}", 201));
        OffsetDateTime first = OffsetDateTime.now(ZoneId.of("Europe/Moscow")).truncatedTo(ChronoUnit.HOURS).plusDays(30);
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < slotCount; i++) {
            slots.add(api.id(api.post("/api/doctors/" + doctor + "/slots",
                    "{\"start\":\"" + first.plusMinutes(30L * i) + "\",\"durationMinutes\":30}", 201)));
        }
        List<String> patients = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000);
        for (int i = 0; i < workers * 4; i++) {
            String phone = String.format("+7%s%04d", String.format("%06d", Long.parseLong(run)), i);
            patients.add(api.id(api.post("/api/patients", "{\"fullName\":\"Бенч Пациент " + i + "\",\"phone\":\""
                    + phone + "\",\"birthDate\":\"1990-01-01\",\"consent\":{\"given\":true,\"version\":\"bench\","
                    + "\"channel\":\"STAFF\"}}", 201)));
        }
        System.out.printf("bench: doctor %s, %d contended slots, %d patients, %d workers, %d s%n", doctor, slotCount,
                patients.size(), workers, seconds);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long started = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String slot = slots.get(random.nextInt(slots.size()));
                    String patient = patients.get(random.nextInt(patients.size()));
                    Timed booked = api.timed("/api/appointments", "{\"patientId\":\"" + patient + "\",\"slotId\":\""
                            + slot + "\",\"source\":\"STAFF\"}");
                    record(latencies, statuses, booked);
                    if (booked.status == 201) {
                        record(latencies, statuses, api.timed("/api/appointments/" + api.id(booked.body) + "/cancel",
                                "{\"reason\":\"bench\"}"));
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("operations: %d in %.1f s -> %.1f ops/s%n", sorted.size(), elapsed, sorted.size() / elapsed);
        System.out.printf("latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(sorted, 50), pct(sorted, 99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        System.out.println("responses: " + new java.util.TreeMap<>(statuses));
        System.out.println("doctor: " + doctor);
    }

    private static void record(List<Long> latencies, Map<Integer, AtomicLong> statuses, Timed t) {
        latencies.add(t.nanos);
        statuses.computeIfAbsent(t.status, s -> new AtomicLong()).incrementAndGet();
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    record Timed(int status, String body, long nanos) {
    }

    record Api(HttpClient http, String base, String token) {

        String post(String path, String json, int expected) throws Exception {
            HttpResponse<String> response = http.send(request(path, json), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        Timed timed(String path, String json) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request(path, json), HttpResponse.BodyHandlers.ofString());
                return new Timed(response.statusCode(), response.body(), System.nanoTime() - start);
            } catch (Exception e) {
                return new Timed(-1, "", System.nanoTime() - start);
            }
        }

        String id(String body) {
            Matcher m = ID.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no id in " + body);
            }
            return m.group(1);
        }

        private HttpRequest request(String path, String json) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("X-Access-Purpose", "benchmark")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
        }
    }
}
