import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Booking load while 1C misbehaves. Staff book and cancel in booking-service; a share of the
 * bookings become completed visits in the 1C simulator, which integration-1c-service bills in
 * 1C:Бухгалтерия. Phase 1 runs with a healthy 1C, phase 2 with 30% of all 1C calls timing out
 * at random. Prints booking p99 per phase and their ratio, then waits for billing to catch up
 * and counts invoices lost or duplicated. Run by `./clinic bench 1c`.
 *
 * Args: bookingUrl integrationUrl simulatorUrl token healthySeconds flakySeconds workers visitsPerPhase
 */
public class OneCBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    public static void main(String[] args) throws Exception {
        String booking = args[0];
        String integration = args[1];
        String simulator = args[2];
        String token = args[3];
        int healthySeconds = Integer.parseInt(args[4]);
        int flakySeconds = Integer.parseInt(args[5]);
        int workers = Integer.parseInt(args[6]);
        int visitsPerPhase = Integer.parseInt(args[7]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Api api = new Api(http, token);
        String run = Long.toString(System.currentTimeMillis() % 10_000_000, 36);

        // A doctor of 1C's, with enough slots for the run, brought into booking by the schedule sync.
        String external = "bench-1c-" + run;
        int slotCount = Math.max(200, 2 * visitsPerPhase + 4 * workers);
        OffsetDateTime first = OffsetDateTime.now(MOSCOW).truncatedTo(ChronoUnit.DAYS).plusDays(1).withHour(8);
        StringBuilder slots = new StringBuilder();
        for (int i = 0; i < slotCount; i++) {
            OffsetDateTime start = first.plusDays(i / 24).plusMinutes(30L * (i % 24));
            slots.append(i == 0 ? "" : ",").append("{\"id\":\"").append(external).append('-').append(i)
                    .append("\",\"start\":\"").append(start).append("\",\"durationMinutes\":30}");
        }
        api.send("POST", simulator + "/__sim/schedule/doctors", "{\"id\":\"" + external
                + "\",\"fullName\":\"Бенчев Борис Борисович\",\"specialty\":\"Терапевт\",\"branch\":\"Центр\","
                + "\"address\":\"Москва, ул. Тверская, 7\",\"slots\":[" + slots + "]}", 200);
        api.send("POST", integration + "/api/integration/sync?scope=schedule", null, 200);
        String doctor = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (doctor == null) {
            String doctors = api.send("GET", booking + "/api/doctors", null, 200);
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^}]*\"externalId\"\\s*:\\s*\""
                    + Pattern.quote(external) + "\"").matcher(doctors);
            if (m.find()) {
                doctor = m.group(1);
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the 1C schedule did not reach booking-service; is 1C's breaker open?");
            } else {
                Thread.sleep(2000);
                api.send("POST", integration + "/api/integration/sync?scope=schedule", null, 200);
            }
        }
        List<String> pool = new CopyOnWriteArrayList<>();
        Matcher ids = ID.matcher(api.send("GET", booking + "/api/slots?doctorId=" + doctor + "&to="
                + first.plusDays(slotCount / 24 + 2).toLocalDate(), null, 200));
        while (ids.find()) {
            pool.add(ids.group(1));
        }
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < workers * 4; i++) {
            patients.add(api.id(api.send("POST", booking + "/api/patients", "{\"fullName\":\"Бенч Пациент " + i
                    + "\",\"phone\":\"+7997" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000))
                    + "\",\"birthDate\":\"1990-01-01\",\"consent\":{\"given\":true,\"version\":\"bench\","
                    + "\"channel\":\"STAFF\"}}", 201)));
        }
        System.out.printf("bench: 1C doctor %s (%s), %d slots, %d patients, %d workers; healthy %d s, flaky %d s%n",
                external, doctor, pool.size(), patients.size(), workers, healthySeconds, flakySeconds);

        Set<String> visits = ConcurrentHashMap.newKeySet();
        Load healthy = load(api, booking, simulator, pool, patients, visits, workers, healthySeconds, visitsPerPhase);
        System.out.println("healthy 1C: " + healthy.summary());

        api.send("POST", simulator + "/__sim/faults",
                "{\"group\":\"*\",\"mode\":\"TIMEOUT\",\"ratio\":0.3,\"delayMs\":15000}", 200);
        Load flaky;
        try {
            flaky = load(api, booking, simulator, pool, patients, visits, workers, flakySeconds, visitsPerPhase);
        } finally {
            api.send("DELETE", simulator + "/__sim/faults", null, 200);
        }
        System.out.println("flaky 1C (30% of calls time out): " + flaky.summary());
        System.out.println("integration status after the flaky phase: " + compact(api.send("GET",
                integration + "/api/integration/status", null, 200)));

        // Billing catches up after 1C recovers: every completed visit must end with one posted document.
        System.out.printf("waiting for %d completed visits to be billed...%n", visits.size());
        Map<String, int[]> documents = Map.of();
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < until) {
            api.send("POST", integration + "/api/integration/sync?scope=visits&scope=billing", null, 200);
            Map<String, int[]> now = documents(api.send("GET", simulator + "/__sim/state", null, 200));
            documents = now;
            long posted = visits.stream().filter(v -> documents(v, now) > 0).count();
            if (posted == visits.size()) {
                break;
            }
            Thread.sleep(5000);
        }
        int lost = 0;
        int duplicated = 0;
        int postedTwice = 0;
        for (String visit : visits) {
            int[] doc = documents.get("yavka:visit:" + visit);
            if (doc == null || doc[1] == 0) {
                lost++;
            } else {
                duplicated += doc[0] - 1;
                postedTwice += doc[2] > 1 ? 1 : 0;
            }
        }
        double p99Healthy = healthy.p99();
        double p99Flaky = flaky.p99();
        System.out.printf("booking p99: healthy 1C %.1f ms, flaky 1C %.1f ms, ratio %.2f%n", p99Healthy, p99Flaky,
                p99Healthy == 0 ? 0 : p99Flaky / p99Healthy);
        System.out.printf("invoices: %d completed visits, %d lost, %d duplicated (documents %d, posted twice %d)%n",
                visits.size(), lost, duplicated, documents.size(), postedTwice);
        System.out.println("integration status: " + compact(api.send("GET", integration + "/api/integration/status",
                null, 200)));
        System.exit(lost == 0 && duplicated == 0 && postedTwice == 0 ? 0 : 1);
    }

    /** Book and cancel until time is up; the first {@code visits} bookings of the phase become completed visits. */
    private static Load load(Api api, String booking, String simulator, List<String> pool, List<String> patients,
            Set<String> allVisits, int workers, int seconds, int visits) throws InterruptedException {
        Load load = new Load();
        AtomicInteger visitsLeft = new AtomicInteger(visits);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            threads.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end && !pool.isEmpty()) {
                    String slot = pool.get(random.nextInt(pool.size()));
                    String patient = patients.get(random.nextInt(patients.size()));
                    Timed booked = api.timed("POST", booking + "/api/appointments", "{\"patientId\":\"" + patient
                            + "\",\"slotId\":\"" + slot + "\",\"source\":\"STAFF\"}");
                    load.record(booked);
                    if (booked.status != 201) {
                        continue;
                    }
                    String appointment = api.id(booked.body);
                    if (visitsLeft.getAndDecrement() > 0) {
                        pool.remove(slot);
                        allVisits.add(appointment);
                        // 1C:Медицина records the visit, with the service rendered.
                        api.timed("POST", simulator + "/__sim/visits", "{\"appointmentId\":\"" + appointment
                                + "\",\"status\":\"COMPLETED\",\"at\":\"" + OffsetDateTime.now(MOSCOW).withNano(0)
                                + "\",\"services\":[{\"code\":\"consultation\",\"name\":\"Приём терапевта\","
                                + "\"price\":2500,\"quantity\":1}]}");
                    } else {
                        load.record(api.timed("POST", booking + "/api/appointments/" + appointment + "/cancel",
                                "{\"reason\":\"bench\"}"));
                    }
                }
                return null;
            });
        }
        threads.shutdown();
        threads.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        load.elapsed = seconds;
        return load;
    }

    /** marker → {documents, posted documents, highest post count}. */
    private static Map<String, int[]> documents(String state) {
        Map<String, int[]> byMarker = new HashMap<>();
        Matcher m = Pattern.compile("\\{[^{}]*\"marker\":\"(yavka:visit:[0-9a-f-]{36})\"[^{}]*\"posted\":(true|false),"
                + "\"postCalls\":(\\d+)[^{}]*\\}").matcher(state);
        while (m.find()) {
            int[] d = byMarker.computeIfAbsent(m.group(1), k -> new int[3]);
            d[0]++;
            d[1] += "true".equals(m.group(2)) ? 1 : 0;
            d[2] = Math.max(d[2], Integer.parseInt(m.group(3)));
        }
        return byMarker;
    }

    private static int documents(String visit, Map<String, int[]> documents) {
        int[] d = documents.get("yavka:visit:" + visit);
        return d == null ? 0 : d[1];
    }

    private static String compact(String json) {
        return json.replaceAll("\\s+", " ");
    }

    static final class Load {
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        double elapsed;

        void record(Timed t) {
            latencies.add(t.nanos);
            statuses.computeIfAbsent(t.status, s -> new AtomicLong()).incrementAndGet();
        }

        double p99() {
            return pct(99);
        }

        double pct(int p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return 0;
            }
            return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
        }

        String summary() {
            return String.format("%d booking calls (%.1f/s), p50 %.1f ms, p99 %.1f ms, responses %s", latencies.size(),
                    latencies.size() / elapsed, pct(50), pct(99), new java.util.TreeMap<>(statuses));
        }
    }

    record Timed(int status, String body, long nanos) {
    }

    record Api(HttpClient http, String token) {

        String send(String method, String url, String json, int expected) throws Exception {
            HttpResponse<String> response = http.send(request(method, url, json), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        }

        Timed timed(String method, String url, String json) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request(method, url, json),
                        HttpResponse.BodyHandlers.ofString());
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

        private HttpRequest request(String method, String url, String json) {
            return HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("X-Access-Purpose", "benchmark")
                    .timeout(Duration.ofSeconds(60))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json))
                    .build();
        }
    }
}
