package ru.yavka.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.audit.support.Api;

@QuarkusTest
class AccessControlTest {

    private static final String PATIENT = UUID.randomUUID().toString();
    private static final Map<String, Object> DESTRUCTION = Map.of("patientId", PATIENT,
            "dataCategories", new String[] {"phone"}, "system", "booking-service", "reason", "consent withdrawn");

    @Test
    void noTokenIs401() {
        given().get("/api/audit").then().statusCode(401);
        given().get("/api/audit/verify").then().statusCode(401);
        given().get("/api/audit/patients/" + PATIENT + "/accesses").then().statusCode(401);
        given().get("/api/audit/destruction-records").then().statusCode(401);
        given().contentType("application/json").body(DESTRUCTION).post("/api/audit/destruction-records")
                .then().statusCode(401);
    }

    @Test
    void forgedTokenIs401() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .get("/api/audit").then().statusCode(401);
    }

    @Test
    void onlyAnAuditorReadsTheLog() {
        for (String role : new String[] {"admin", "registrar", "doctor", "service"}) {
            Api.as(role).get("/api/audit").then().statusCode(403);
            Api.as(role).get("/api/audit/verify").then().statusCode(403);
            Api.as(role).get("/api/audit/patients/" + PATIENT + "/accesses").then().statusCode(403);
            Api.as(role).get("/api/audit/destruction-records").then().statusCode(403);
        }
        Api.auditor().get("/api/audit").then().statusCode(200);
    }

    @Test
    void onlyAnAdminOrAServiceRecordsADestruction() {
        for (String role : new String[] {"auditor", "registrar", "doctor"}) {
            Api.as(role).body(DESTRUCTION).post("/api/audit/destruction-records").then().statusCode(403);
        }
        Api.as("service").body(DESTRUCTION).post("/api/audit/destruction-records").then().statusCode(201);
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/audit/verify"));
    }
}
