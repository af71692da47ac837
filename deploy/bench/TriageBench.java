import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on a running triage-service: the texts of an evaluation set, sent by W workers for S seconds.
 * Prints latency p50/p99 and throughput. Run by `./clinic bench triage`.
 *
 * Args: baseUrl token file seconds workers
 */
public class TriageBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        List<String> texts = new ArrayList<>();
        Pattern text = Pattern.compile("\"text\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");
        for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
            Matcher m = text.matcher(line);
            if (m.find()) {
                texts.add("{\"text\":" + m.group(1) + "}");
            }
        }
        double seconds = Double.parseDouble(args[3]);
        int workers = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 30; i++) {
            send(http, base, token, texts.get(i % texts.size()));
        }
        List<List<Double>> perWorker = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long started = System.nanoTime();
        long end = started + (long) (seconds * 1e9);
        for (int w = 0; w < workers; w++) {
            List<Double> mine = new ArrayList<>();
            perWorker.add(mine);
            int offset = w * 37;
            pool.submit(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    long t = System.nanoTime();
                    try {
                        if (send(http, base, token, texts.get(i % texts.size())) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine.add((System.nanoTime() - t) / 1e6);
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination((long) seconds + 60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Double> all = new ArrayList<>();
        perWorker.forEach(all::addAll);
        Collections.sort(all);
        System.out.printf(Locale.ROOT,
                "/api/triage, %d worker(s), %.0f s: %d requests, %.1f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
                workers, elapsed, all.size(), all.size() / elapsed, pct(all, 0.5), pct(all, 0.99),
                all.isEmpty() ? 0 : all.get(all.size() - 1), errors.get());
    }

    private static int send(HttpClient http, String base, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/triage"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Access-Purpose", "triage-benchmark")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0
                : sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
    }
}
