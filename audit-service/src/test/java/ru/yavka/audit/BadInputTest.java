package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import ru.yavka.audit.support.Api;
import ru.yavka.audit.support.Db;

/** Every endpoint refuses bad input with problem+json naming the field, and writes nothing. */
@QuarkusTest
class BadInputTest {

    private static final Map<String, Object> GOOD = Map.of("patientId", UUID.randomUUID().toString(),
            "dataCategories", List.of("full name", "phone"), "system", "booking-service",
            "reason", "consent withdrawn (152-FZ Art. 9 part 2)");

    static ValidatableResponse problem(ValidatableResponse response, int status, String field) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("field", equalTo(field));
    }

    @Test
    void searchParameters() {
        problem(Api.auditor().queryParam("patientId", "nope").get("/api/audit").then(), 400, "patientId")
                .body("detail", containsString("UUID"));
        problem(Api.auditor().queryParam("from", "yesterday").get("/api/audit").then(), 400, "from");
        problem(Api.auditor().queryParam("to", "2026-13-45").get("/api/audit").then(), 400, "to");
        problem(Api.auditor().queryParam("from", "2026-12-02").queryParam("to", "2026-12-01").get("/api/audit")
                .then(), 400, "to");
        problem(Api.auditor().queryParam("page", "-1").get("/api/audit").then(), 400, "page");
        problem(Api.auditor().queryParam("page", "first").get("/api/audit").then(), 400, "page");
        problem(Api.auditor().queryParam("size", "0").get("/api/audit").then(), 400, "size");
        problem(Api.auditor().queryParam("size", "201").get("/api/audit").then(), 400, "size");
        problem(Api.auditor().queryParam("size", "ten").get("/api/audit").then(), 400, "size");
        problem(Api.auditor().queryParam("actor", "x".repeat(201)).get("/api/audit").then(), 400, "actor");
    }

    @Test
    void accessesAndDestructionRecordParameters() {
        problem(Api.auditor().get("/api/audit/patients/not-a-uuid/accesses").then(), 400, "id");
        problem(Api.auditor().queryParam("page", "-3").get("/api/audit/patients/" + UUID.randomUUID() + "/accesses")
                .then(), 400, "page");
        problem(Api.auditor().queryParam("patientId", "42").get("/api/audit/destruction-records").then(),
                400, "patientId");
        problem(Api.auditor().queryParam("size", "1000").get("/api/audit/destruction-records").then(),
                400, "size");
    }

    @Test
    void destructionRecordBody() throws Exception {
        long before = Db.count("select count(*) from destruction_record");
        problem(Api.as("admin").body("{\"patientId\": ").post("/api/audit/destruction-records").then(), 400, "body");
        problem(Api.as("admin").body(without(GOOD, "patientId")).post("/api/audit/destruction-records").then(),
                400, "patientId");
        problem(Api.as("admin").body(with(GOOD, "patientId", "patient-7")).post("/api/audit/destruction-records")
                .then(), 400, "patientId");
        problem(Api.as("admin").body(with(GOOD, "dataCategories", List.of())).post("/api/audit/destruction-records")
                .then(), 400, "dataCategories");
        problem(Api.as("admin").body(with(GOOD, "dataCategories", List.of("phone", " ")))
                .post("/api/audit/destruction-records").then(), 400, "dataCategories[1]");
        problem(Api.as("admin").body(with(GOOD, "dataCategories", "phone")).post("/api/audit/destruction-records")
                .then(), 400, "dataCategories");
        problem(Api.as("admin").body(with(GOOD, "system", "")).post("/api/audit/destruction-records").then(),
                400, "system");
        problem(Api.as("admin").body(without(GOOD, "reason")).post("/api/audit/destruction-records").then(),
                400, "reason");
        problem(Api.as("admin").body(with(GOOD, "destroyedAt", "last week")).post("/api/audit/destruction-records")
                .then(), 400, "destroyedAt");
        problem(Api.as("admin").body(with(GOOD, "destroyedAt", OffsetDateTime.now().plusDays(1).toString()))
                .post("/api/audit/destruction-records").then(), 422, "destroyedAt");
        problem(Api.as("admin").post("/api/audit/destruction-records").then(), 400, "body");
        assertThat(Db.count("select count(*) from destruction_record")).isEqualTo(before);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.remove(key);
        return copy;
    }
}
