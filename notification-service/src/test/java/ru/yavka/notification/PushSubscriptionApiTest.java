package ru.yavka.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.testing.TestTokens;
import ru.yavka.notification.support.BrowserKeys;
import ru.yavka.notification.support.Staff;
import ru.yavka.notification.support.StandIns;

/** Subscriptions: one per browser, checked before the service ever POSTs to them. */
@QuarkusTest
class PushSubscriptionApiTest {

    private static final String ENDPOINT = "http://127.0.0.1:9/push/";

    private static Map<String, Object> body(String endpoint, BrowserKeys keys, List<String> doctors) {
        return Map.of("endpoint", endpoint, "keys", Map.of("p256dh", keys.p256dh(), "auth", keys.authSecret()),
                "doctorIds", doctors);
    }

    @Test
    void theVapidKeyIsPublishedForThePwa() {
        Staff.as("registrar", Staff.newUser("registrar")).get("/api/push/vapid-public-key")
                .then().statusCode(200).body("publicKey", equalTo(StandIns.vapid().publicKey()));
        io.restassured.RestAssured.get("/api/config").then().statusCode(200)
                .body("push", equalTo(true)).body("devTokenLogin", equalTo(true));
    }

    @Test
    void aBrowserSubscribedAgainBelongsToTheUserWhoDidItLast() {
        String first = Staff.newUser("registrar");
        String second = Staff.newUser("admin");
        String endpoint = ENDPOINT + java.util.UUID.randomUUID();
        BrowserKeys keys = BrowserKeys.generate();

        String id = Staff.as("registrar", first).body(body(endpoint, keys, List.of())).put("/api/push/subscription")
                .then().statusCode(200).body("pushService", equalTo("127.0.0.1")).body("role", equalTo("registrar"))
                .extract().path("id");
        Staff.as("admin", second).body(body(endpoint, BrowserKeys.generate(), List.of()))
                .put("/api/push/subscription").then().statusCode(200).body("id", equalTo(id))
                .body("role", equalTo("admin"));

        Staff.as("registrar", first).get("/api/push/subscriptions").then().statusCode(200).body("$", hasSize(0));
        Staff.as("admin", second).get("/api/push/subscriptions").then().statusCode(200).body("$", hasSize(1))
                .body("[0].endpoint", equalTo(null));
        // Someone else's device cannot be removed (or even confirmed to exist).
        Staff.as("registrar", first).delete("/api/push/subscriptions/" + id).then().statusCode(404);
        Staff.as("admin", second).delete("/api/push/subscriptions/" + id).then().statusCode(204);
        Staff.as("admin", second).get("/api/push/subscriptions").then().body("$", hasSize(0));
    }

    @Test
    void aDoctorSignedInAsThemselvesFollowsOnlyThemselves() {
        String doctorId = java.util.UUID.randomUUID().toString();
        String token = io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).upn("dr-own@test.yavka").groups("doctor")
                .claim("doctor_id", doctorId).expiresIn(600).sign();
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(body(ENDPOINT + java.util.UUID.randomUUID(), BrowserKeys.generate(),
                        List.of(java.util.UUID.randomUUID().toString())))
                .put("/api/push/subscription")
                .then().statusCode(200).body("doctorIds", equalTo(List.of(doctorId)));
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).get("/api/me")
                .then().statusCode(200).body("doctorId", equalTo(doctorId)).body("roles", equalTo(List.of("doctor")));
    }

    @Test
    void endpointsOutsideTheKnownPushServicesAndBadKeysAreRefused() {
        String user = Staff.newUser("registrar");
        BrowserKeys keys = BrowserKeys.generate();
        Staff.as("registrar", user).body(body("https://evil.example.com/steal", keys, List.of()))
                .put("/api/push/subscription").then().statusCode(400).body("field", equalTo("endpoint"))
                .body("detail", containsString("evil.example.com"));
        Staff.as("registrar", user).body(body("ftp://127.0.0.1/push/x", keys, List.of()))
                .put("/api/push/subscription").then().statusCode(400).body("field", equalTo("endpoint"));
        Staff.as("registrar", user).body(Map.of("endpoint", ENDPOINT + "x",
                        "keys", Map.of("p256dh", "AAAA", "auth", keys.authSecret())))
                .put("/api/push/subscription").then().statusCode(400).body("field", equalTo("keys.p256dh"));
        Staff.as("registrar", user).body(Map.of("endpoint", ENDPOINT + "x",
                        "keys", Map.of("p256dh", keys.p256dh(), "auth", "c2hvcnQ")))
                .put("/api/push/subscription").then().statusCode(400).body("field", equalTo("keys.auth"));
        Staff.as("registrar", user).body(Map.of("endpoint", ENDPOINT + "x"))
                .put("/api/push/subscription").then().statusCode(400).body("field", equalTo("keys"));
        Staff.as("registrar", user).get("/api/push/subscriptions").then().body("$", hasSize(0));
    }

    @Test
    void auditorsAreNotPushedAndStrangersAreNotLetIn() {
        Staff.as("auditor", Staff.newUser("auditor"))
                .body(body(ENDPOINT + "a", BrowserKeys.generate(), List.of())).put("/api/push/subscription")
                .then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json")
                .body(body(ENDPOINT + "b", BrowserKeys.generate(), List.of())).put("/api/push/subscription")
                .then().statusCode(401);
        assertThat(io.restassured.RestAssured.get("/api/me").statusCode()).isEqualTo(401);
    }
}
