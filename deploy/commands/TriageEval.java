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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an evaluation set through a running triage-service, one request at a time, and prints
 * per-specialty accuracy, then one JSON line:
 * {"n","top1","top3","emergency_recall","emergency_false_alarm","p50_ms","p99_ms"}.
 * Input lines: {"text": "...", "specialty": "<code>"} or {"text": "...", "emergency": true}.
 * Run by `./clinic triage-eval FILE.jsonl`. No dependencies beyond the JDK.
 *
 * Args: baseUrl token file
 */
public class TriageEval {

    /**
     * Requests before the measured pass, so that the JIT has compiled the service's whole request
     * path (REST, JWT, retrieval, audit outbox) as it would be after a few minutes in production;
     * a fresh service needs about this many (measured: p99 ~55-70 ms on the first 600 requests
     * after a start, ~30-40 ms after 1500). YAVKA_TRIAGE_EVAL_WARMUP overrides it.
     */
    private static final int WARMUP = Integer.parseInt(System.getenv().getOrDefault("YAVKA_TRIAGE_EVAL_WARMUP", "1500"));
    /**
     * And at least this long: straight after ./clinic up the other six services are still warming
     * up on the same cores, and the measurement is of triage in a running clinic, not of its first minute.
     */
    private static final Duration WARMUP_MIN = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("YAVKA_TRIAGE_EVAL_WARMUP_SECONDS", "45")));
    /** Made-up complaints for the warm-up (not from the evaluation set or the knowledge base). */
    private static final String[] WARMUP_WHAT = {
        "болит", "ноет", "чешется", "давит", "режет", "тянет", "жжёт", "колет", "опухло", "немеет",
    };
    private static final String[] WARMUP_WHERE = {
        "голова", "горло", "кожа на руках", "колено по утрам", "в груди при подъёме", "в глазах к вечеру",
        "живот после еды", "поясница", "ухо", "зуб", "спина", "пятка", "плечо",
    };

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        List<String> lines = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long warmupEnds = System.nanoTime() + WARMUP_MIN.toNanos();
        for (int i = 0; i < WARMUP || System.nanoTime() < warmupEnds; i++) {
            String text = "разминка: " + WARMUP_WHAT[i % WARMUP_WHAT.length] + " "
                    + WARMUP_WHERE[(i / WARMUP_WHAT.length) % WARMUP_WHERE.length] + " " + i;
            post(http, base, token, "{\"text\":" + quote(text) + "}");
        }

        int n = 0, withSpecialty = 0, top1 = 0, top3 = 0, emergencies = 0, caught = 0, falseAlarms = 0;
        Map<String, int[]> perSpecialty = new TreeMap<>();
        List<Double> latencies = new ArrayList<>();
        for (String line : lines) {
            String text = string(line, "text");
            if (text == null) {
                throw new IllegalArgumentException("line without \"text\": " + line);
            }
            String expected = string(line, "specialty");
            boolean emergency = Pattern.compile("\"emergency\"\\s*:\\s*true").matcher(line).find();
            long started = System.nanoTime();
            HttpResponse<String> response = post(http, base, token, "{\"text\":" + quote(text) + "}");
            latencies.add((System.nanoTime() - started) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("triage answered " + response.statusCode() + ": " + response.body());
            }
            String body = response.body();
            n++;
            boolean flagged = Pattern.compile("\"emergency\"\\s*:\\s*true").matcher(body).find();
            if (emergency) {
                emergencies++;
                caught += flagged ? 1 : 0;
            }
            if (expected != null) {
                withSpecialty++;
                List<String> candidates = candidates(body);
                String got = string(body, "specialty");
                int[] counts = perSpecialty.computeIfAbsent(expected, k -> new int[2]);
                counts[1]++;
                if (expected.equals(got)) {
                    top1++;
                    counts[0]++;
                }
                if (candidates.subList(0, Math.min(3, candidates.size())).contains(expected)) {
                    top3++;
                }
                falseAlarms += flagged ? 1 : 0;
            }
        }
        for (Map.Entry<String, int[]> e : perSpecialty.entrySet()) {
            System.out.printf(Locale.ROOT, "%-20s %3d/%-3d %.3f%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    e.getValue()[0] / (double) e.getValue()[1]);
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT,
                "{\"n\":%d,\"top1\":%.4f,\"top3\":%.4f,\"emergency_recall\":%.4f,\"emergency_false_alarm\":%.4f,"
                        + "\"p50_ms\":%.1f,\"p99_ms\":%.1f}%n",
                n, ratio(top1, withSpecialty), ratio(top3, withSpecialty), ratio(caught, emergencies),
                ratio(falseAlarms, withSpecialty), percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    private static HttpResponse<String> post(HttpClient http, String base, String token, String json)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/triage"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Access-Purpose", "triage-evaluation")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : a / (double) b;
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The candidates' specialty codes, in order. */
    private static List<String> candidates(String body) {
        List<String> out = new ArrayList<>();
        int start = body.indexOf("\"candidates\"");
        if (start < 0) {
            return out;
        }
        int end = body.indexOf(']', start);
        Matcher m = Pattern.compile("\"specialty\"\\s*:\\s*\"([a-z]+)\"").matcher(body.substring(start, end));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** A top-level string field of a flat JSON object (enough for the input lines and the first "specialty"). */
    private static String string(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? unquote(m.group(1)) : null;
    }

    private static String unquote(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
