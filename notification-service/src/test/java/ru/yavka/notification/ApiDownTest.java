package ru.yavka.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import ru.yavka.contracts.testing.TestTokens;
import ru.yavka.notification.support.BrowserTests;
import ru.yavka.notification.support.Clinic;

/**
 * A service behind this origin is down: the API says which, as problem+json, the rest still
 * works, and the PWA shows it in a clear banner (in Chromium, see e2e/api-down.test.mjs).
 */
@QuarkusTest
@TestProfile(ApiDownProfile.class)
class ApiDownTest {

    @TestHTTPResource("/")
    URL pwa;

    @Test
    void thePwaShowsAClearErrorBanner() {
        String today = LocalDate.now(Clinic.MOSCOW).toString();
        BrowserTests.run("api-down.test.mjs", pwa.toString(),
                "{\"today\":\"" + today + "\",\"date\":\"" + today + "\"}");
    }

    @Test
    void anUnreachableServiceIsA502NamingIt() {
        given().header("Authorization", TestTokens.bearer("registrar")).get("/api/appointments?date=2026-12-05")
                .then().statusCode(502).contentType("application/problem+json")
                .body("service", equalTo("booking-service")).body("title", equalTo("Bad gateway"))
                .body("detail", containsString("booking-service is not reachable"));
        given().header("Authorization", TestTokens.bearer("registrar")).contentType("application/json")
                .body("{\"patientId\":\"x\"}").post("/api/appointments")
                .then().statusCode(502).body("service", equalTo("booking-service"));
        given().header("Authorization", TestTokens.bearer("auditor")).get("/api/audit")
                .then().statusCode(502).body("service", equalTo("audit-service"));
        given().get("/api/config").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("registrar")).get("/api/me")
                .then().statusCode(200).body("roles[0]", equalTo("registrar"));
    }
}
