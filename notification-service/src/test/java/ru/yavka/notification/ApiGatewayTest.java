package ru.yavka.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.testing.TestTokens;
import ru.yavka.notification.support.Clinic;
import ru.yavka.notification.support.StandIns;

/**
 * The PWA's one origin: the other services' APIs answer here, under their own paths, and see
 * the user's own token (so their role checks and audit trail name the user, not this service).
 */
@QuarkusTest
class ApiGatewayTest {

    @Test
    void bookingServiceAnswersThroughThisOriginWithTheUsersRights() {
        String doctor = Clinic.doctor("Попов Дмитрий Сергеевич", "otolaryngologist");
        String registrar = TestTokens.of("registrar", "desk-gateway@test.yavka");

        given().header("Authorization", "Bearer " + registrar).get("/api/doctors")
                .then().statusCode(200).header("Cache-Control", "no-store").body("id", hasItem(doctor));
        given().header("Authorization", "Bearer " + registrar).get("/api/doctors/" + doctor)
                .then().statusCode(200).body("fullName", equalTo("Попов Дмитрий Сергеевич"));
        // booking-service's own answers pass through as they are: no token, or too few rights.
        given().get("/api/doctors").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("doctor")).contentType("application/json")
                .body(Map.of("fullName", "Х", "specialty", "therapist")).post("/api/doctors").then().statusCode(403);
        given().header("Authorization", "Bearer " + registrar).get("/api/appointments")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("patientId"));
    }

    @Test
    void aBodyAndThePurposeReachBookingServiceAndTheAnswerComesBack() {
        String phone = "+7998" + String.format("%07d", (int) (Math.random() * 10_000_000));
        String id = given().header("Authorization", TestTokens.bearer("registrar"))
                .header("X-Access-Purpose", "phone-booking").contentType("application/json")
                .body(Map.of("fullName", "Волкова Татьяна Юрьевна", "phone", phone, "birthDate", "1988-01-30",
                        "consent", Map.of("given", true, "version", "2026-01", "channel", "PHONE")))
                .post("/api/patients")
                .then().statusCode(201).body("fullName", equalTo("Волкова Татьяна Юрьевна")).extract().path("id");
        given().header("Authorization", TestTokens.bearer("registrar"))
                .queryParam("phone", phone).get("/api/patients/lookup")
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void theOtherServicesGetTheCallersTokenAndQuery() {
        String token = TestTokens.of("registrar", "desk-reminders@test.yavka");
        given().header("Authorization", "Bearer " + token).get("/api/reminders?appointmentId=abc-1")
                .then().statusCode(200).body("kind[0]", equalTo("T_MINUS_48H"));
        given().header("Authorization", "Bearer " + token).get("/api/integration/status")
                .then().statusCode(200).body("breakers.name", hasItem("1c-visit-push"));
        given().header("Authorization", "Bearer " + token).get("/api/audit?actor=x&page=0")
                .then().statusCode(200).body("total", equalTo(4));

        List<StandIns.Seen> seen = StandIns.seen();
        assertThat(seen).contains(new StandIns.Seen("GET", "/api/reminders", "appointmentId=abc-1", "Bearer " + token),
                new StandIns.Seen("GET", "/api/integration/status", null, "Bearer " + token),
                new StandIns.Seen("GET", "/api/audit", "actor=x&page=0", "Bearer " + token));
    }

    @Test
    void pathsOfThisServiceAreNotForwarded() {
        given().header("Authorization", TestTokens.bearer("registrar")).get("/api/nothing-here").then().statusCode(404);
        given().get("/api/config").then().statusCode(200);
        // A path that climbs out of a forwarded prefix is not forwarded as written.
        int before = StandIns.seen().size();
        given().header("Authorization", TestTokens.bearer("registrar")).urlEncodingEnabled(false)
                .get("/api/reminders/../../q/health").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(StandIns.seen()).hasSize(before);
    }
}
