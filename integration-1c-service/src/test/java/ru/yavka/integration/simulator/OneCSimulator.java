package ru.yavka.integration.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A local stand-in for the clinic's 1C: the 1C:Медицина HTTP services of this module's contract
 * under {@code /med/hs/yavka} and 1C:Бухгалтерия's OData under {@code /acc/odata/standard.odata},
 * both behind HTTP Basic, on WireMock. Tests and the bench steer it through {@code /__sim/…}:
 * faults per endpoint group (error, timeout, garbage, reset, hold), seeded schedules and visit
 * facts, and a dump of what Yavka sent (with request counts per group).
 *
 * <p>Run it alone for {@code ./clinic up}: {@code deploy/local/1c-simulator.sh} (port 8095, seeded
 * with the demo clinic's schedule).
 */
public final class OneCSimulator implements AutoCloseable {

    public static final String MEDICINE_BASE = "/med/hs/yavka";
    public static final String ACCOUNTING_BASE = "/acc/odata/standard.odata";
    public static final String USER = "yavka";
    public static final Set<String> GROUPS = Set.of("schedule", "appointments", "visits", "patients", "accounting");

    private final ObjectMapper mapper = new ObjectMapper();
    private final WireMockServer server;
    private final String password;
    private final Faults faults = new Faults();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private Medicine1C medicine;
    private final Accounting1C accounting = new Accounting1C(mapper);

    private OneCSimulator(int port, String password) {
        this.password = password;
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .port(port)
                .containerThreads(64)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(32)
                .disableRequestJournal()
                .notifier(new Slf4jNotifier(false))
                .extensions(new Transformer()));
    }

    public static OneCSimulator start(int port, String password) {
        OneCSimulator sim = new OneCSimulator(port, password);
        sim.server.start();
        sim.medicine = new Medicine1C(sim.mapper, sim.url() + "/med");
        sim.server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(Transformer.NAME)));
        return sim;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public String medicineUrl() {
        return url() + MEDICINE_BASE;
    }

    public String accountingUrl() {
        return url() + ACCOUNTING_BASE;
    }

    public String password() {
        return password;
    }

    public void seedDemoClinic(int days) {
        medicine.setDoctors(DemoClinic.doctors(mapper, LocalDate.now(Medicine1C.CLINIC), days));
    }

    @Override
    public void close() {
        faults.release(Faults.Mode.ERROR);
        server.stop();
    }

    /** {@code java … OneCSimulator [--port 8095] [--seed demo] [--password …]} */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int port = Integer.parseInt(options.getOrDefault("port",
                System.getenv().getOrDefault("YAVKA_1C_SIMULATOR_PORT", "8095")));
        String password = options.getOrDefault("password",
                System.getenv().getOrDefault("YAVKA_1C_SIMULATOR_PASSWORD", "simulator"));
        OneCSimulator sim = start(port, password);
        if ("demo".equals(options.get("seed"))) {
            sim.seedDemoClinic(14);
        }
        System.out.printf("1C simulator on %s: 1C:Медицина %s, 1C:Бухгалтерия %s (user %s)%n", sim.url(),
                sim.medicineUrl(), sim.accountingUrl(), USER);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        Thread.currentThread().join();
    }

    // ------------------------------------------------------------------ HTTP

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        static final String NAME = "onec-simulator";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            try {
                return answer(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return respond(new Answer(500, "text/plain", "interrupted"), 0);
            } catch (RuntimeException e) {
                return respond(Answer.json(500, "{\"error\":\"simulator: " + e.getClass().getSimpleName() + "\"}"), 0);
            }
        }

        private ResponseDefinition answer(Request request) throws InterruptedException {
            URI uri = URI.create(request.getUrl());
            String path = uri.getRawPath();
            Map<String, String> query = query(uri.getRawQuery());
            String method = request.getMethod().getName();
            if (path.startsWith("/__sim/")) {
                return respond(control(method, path.substring("/__sim/".length()), query, request.getBodyAsString()), 0);
            }
            String group = group(path);
            if (group == null) {
                return respond(Answer.json(404, "{\"error\":\"no such 1C service\"}"), 0);
            }
            requests.computeIfAbsent(group, g -> new AtomicLong()).incrementAndGet();
            if (!authorized(request.getHeader("Authorization"))) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(401)
                        .withHeader("WWW-Authenticate", "Basic realm=\"1C\"").build();
            }
            Faults.Fault fault = faults.draw(group, method);
            Faults.Mode mode = fault.mode();
            if (mode == Faults.Mode.HOLD) {
                mode = faults.hold();
            }
            switch (mode) {
                case ERROR:
                    return respond(group.equals("accounting")
                            ? Answer.json(500, "{\"odata.error\":{\"code\":\"-1\",\"message\":{\"lang\":\"ru\","
                                    + "\"value\":\"Сеанс 1С недоступен\"}}}")
                            : new Answer(500, "text/plain; charset=utf-8", "Ошибка сервера 1С"), 0);
                case RESET:
                    return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER)
                            .build();
                case GARBAGE:
                    return respond(new Answer(200, "text/html; charset=utf-8",
                            "<html><body><h1>1С:Предприятие</h1><p>Сеанс завершён администратором</p></body></html>"),
                            0);
                default:
                    break;
            }
            // A slow 1C still does the work; only its answer comes too late.
            Answer answer = serve(group, method, path, query, request.getBodyAsString());
            return respond(answer, mode == Faults.Mode.TIMEOUT ? fault.delayMs() : 0);
        }

        private Answer serve(String group, String method, String path, Map<String, String> query, String body) {
            return switch (group) {
                case "schedule" -> "GET".equals(method) ? medicine.schedule(query) : notAllowed();
                case "visits" -> "GET".equals(method) ? medicine.visits(query) : notAllowed();
                case "appointments" -> "PUT".equals(method)
                        ? medicine.putAppointment(decode(last(path)), body) : notAllowed();
                case "patients" -> "GET".equals(method) ? medicine.patientCard(decode(last(path))) : notAllowed();
                case "accounting" -> accounting.handle(method, path.substring(ACCOUNTING_BASE.length() + 1), query, body);
                default -> Answer.json(404, "{}");
            };
        }

        private String group(String path) {
            if (path.equals(MEDICINE_BASE + "/schedule")) {
                return "schedule";
            }
            if (path.equals(MEDICINE_BASE + "/visits")) {
                return "visits";
            }
            if (path.startsWith(MEDICINE_BASE + "/appointments/")) {
                return "appointments";
            }
            if (path.startsWith(MEDICINE_BASE + "/patients/")) {
                return "patients";
            }
            if (path.startsWith(ACCOUNTING_BASE + "/")) {
                return "accounting";
            }
            return null;
        }

        private boolean authorized(String header) {
            String expected = "Basic " + Base64.getEncoder()
                    .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
            return expected.equals(header);
        }

        private ResponseDefinition respond(Answer answer, int delayMs) {
            ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(answer.status())
                    .withBody(answer.body() == null ? "" : answer.body());
            if (answer.contentType() != null) {
                builder.withHeader("Content-Type", answer.contentType());
            }
            if (delayMs > 0) {
                builder.withFixedDelay(delayMs);
            }
            return builder.build();
        }
    }

    private static Answer notAllowed() {
        return Answer.json(405, "{\"error\":\"method not allowed\"}");
    }

    // --------------------------------------------------------------- control

    /**
     * {@code /__sim/…}: health, state, reset, faults (set/clear), release (held requests),
     * schedule (replace, put doctor, raw answer), visits (add, complete, raw answer), nomenclature.
     */
    private Answer control(String method, String what, Map<String, String> query, String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
            switch (method + " " + what) {
                case "GET health":
                    return Answer.ok("{\"status\":\"UP\"}");
                case "GET state":
                    return Answer.ok(state().toString());
                case "POST reset":
                    faults.clear();
                    requests.clear();
                    medicine.reset();
                    accounting.reset();
                    if ("demo".equals(query.get("seed"))) {
                        seedDemoClinic(14);
                    }
                    return Answer.ok("{}");
                case "POST faults": {
                    String group = json.path("group").asText("*");
                    if (!"*".equals(group) && !GROUPS.contains(group)) {
                        return Answer.json(400, "{\"error\":\"group must be * or one of " + GROUPS + "\"}");
                    }
                    faults.set(group, new Faults.Fault(Faults.Mode.valueOf(json.path("mode").asText("OK")),
                            json.path("ratio").asDouble(1.0), json.path("delayMs").asInt(15_000),
                            json.path("method").asText(null)));
                    return Answer.ok("{}");
                }
                case "DELETE faults":
                    faults.clear();
                    return Answer.ok("{}");
                case "POST release":
                    faults.release(Faults.Mode.valueOf(json.path("mode").asText("OK")));
                    return Answer.ok("{}");
                case "PUT schedule":
                    medicine.setDoctors((ArrayNode) json.path("doctors"));
                    return Answer.ok("{}");
                case "POST schedule/doctors":
                    medicine.putDoctor((ObjectNode) json);
                    return Answer.ok("{}");
                case "PUT schedule/raw":
                    medicine.setRawSchedule(body);
                    return Answer.ok("{}");
                case "DELETE schedule/raw":
                    medicine.setRawSchedule(null);
                    return Answer.ok("{}");
                case "POST visits":
                    medicine.addVisit(visitDay(json, query), json);
                    return Answer.ok("{}");
                case "PUT visits/raw":
                    medicine.setRawVisits(LocalDate.parse(query.get("date")), body);
                    return Answer.ok("{}");
                case "POST nomenclature":
                    accounting.addNomenclature(UUID.fromString(json.path("key").asText()), json.path("code").asText(),
                            json.path("name").asText());
                    return Answer.ok("{}");
                default:
                    return Answer.json(404, "{\"error\":\"unknown control " + method + " " + what + "\"}");
            }
        } catch (Exception e) {
            return Answer.json(400, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static LocalDate visitDay(JsonNode fact, Map<String, String> query) {
        if (query.containsKey("date")) {
            return LocalDate.parse(query.get("date"));
        }
        try {
            return OffsetDateTime.parse(fact.path("at").asText()).atZoneSameInstant(Medicine1C.CLINIC).toLocalDate();
        } catch (RuntimeException e) {
            return LocalDate.now(Medicine1C.CLINIC);
        }
    }

    private ObjectNode state() {
        ObjectNode state = mapper.createObjectNode();
        ObjectNode counts = state.putObject("requests");
        for (String group : GROUPS) {
            counts.put(group, requests.getOrDefault(group, new AtomicLong()).get());
        }
        state.put("held", faults.held());
        ObjectNode f = state.putObject("faults");
        faults.current().forEach((group, fault) -> f.put(group, fault.mode() + " " + fault.ratio()
                + (fault.method() == null ? "" : " " + fault.method())));
        state.setAll(medicine.dump());
        state.setAll(accounting.dump());
        return state;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            query.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
