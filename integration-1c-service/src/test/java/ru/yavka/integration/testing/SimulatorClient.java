package ru.yavka.integration.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Steers the 1C simulator over its {@code /__sim} control API, as the bench does. */
public final class SimulatorClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    public SimulatorClient(String base) {
        this.base = base + "/__sim/";
    }

    public void reset() {
        send("POST", "reset", "{}");
    }

    /** mode: OK, ERROR, TIMEOUT, GARBAGE, RESET, HOLD; group "*" for all. */
    public void fault(String group, String mode) {
        fault(group, mode, 1.0, 15_000, null);
    }

    public void fault(String group, String mode, double ratio, int delayMs, String method) {
        ObjectNode body = MAPPER.createObjectNode().put("group", group).put("mode", mode).put("ratio", ratio)
                .put("delayMs", delayMs);
        if (method != null) {
            body.put("method", method);
        }
        send("POST", "faults", body.toString());
    }

    public void clearFaults() {
        send("DELETE", "faults", null);
    }

    /** Lets held requests go, answering them as {@code mode} (OK or ERROR). */
    public void release(String mode) {
        send("POST", "release", "{\"mode\":\"" + mode + "\"}");
    }

    public JsonNode state() {
        return json(send("GET", "state", null));
    }

    public long requests(String group) {
        return state().path("requests").path(group).asLong();
    }

    public int held() {
        return state().path("held").asInt();
    }

    public void doctor(ObjectNode doctor) {
        send("POST", "schedule/doctors", doctor.toString());
    }

    public void schedule(ArrayNode doctors) {
        send("PUT", "schedule", MAPPER.createObjectNode().set("doctors", doctors).toString());
    }

    public void rawSchedule(String body) {
        send("PUT", "schedule/raw", body);
    }

    public void clearRawSchedule() {
        send("DELETE", "schedule/raw", null);
    }

    public void visit(JsonNode fact) {
        send("POST", "visits", fact.toString());
    }

    public void rawVisits(LocalDate day, String body) {
        send("PUT", "visits/raw?date=" + day, body);
    }

    public List<JsonNode> documents() {
        List<JsonNode> documents = new ArrayList<>();
        state().path("documents").forEach(documents::add);
        return documents;
    }

    public List<JsonNode> counterparties() {
        List<JsonNode> parties = new ArrayList<>();
        state().path("counterparties").forEach(parties::add);
        return parties;
    }

    public JsonNode appointment(String id) {
        return state().path("appointments").path(id);
    }

    public static ObjectNode doctorJson(String id, String fullName, String specialty) {
        ObjectNode doctor = MAPPER.createObjectNode().put("id", id).put("fullName", fullName)
                .put("specialty", specialty).put("branch", "Центр").put("address", "Москва, ул. Тверская, 7");
        doctor.putArray("slots");
        return doctor;
    }

    public static ObjectNode slot(ObjectNode doctor, String id, java.time.OffsetDateTime start, int minutes) {
        ((ArrayNode) doctor.get("slots")).addObject().put("id", id).put("start", start.toString())
                .put("durationMinutes", minutes);
        return doctor;
    }

    public static ObjectNode mapper() {
        return MAPPER.createObjectNode();
    }

    private String send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("simulator " + method + " " + path + " -> " + response.statusCode()
                        + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
