package ru.yavka.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.testing.TestTokens;
import ru.yavka.reminder.support.Events.Appointment;
import ru.yavka.reminder.support.ReminderTestBase;

/** GET /api/reminders?appointmentId=: the timeline staff see, its errors, its audit trail; and the metrics. */
@QuarkusTest
class RemindersApiTest extends ReminderTestBase {

    @Test
    void bookedAbout49HoursAheadShowsTheWholePlanInUtcWithMoscowDisplayTimes() {
        Instant start = moscow("2030-09-10T14:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(Duration.ofHours(49)));
        apply(appointment.booked(clock.instant()));

        given().header("Authorization", TestTokens.bearer("registrar"))
                .queryParam("appointmentId", appointment.id().toString())
                .get("/api/reminders")
                .then().statusCode(200)
                .body("$", hasSize(4))
                .body("kind", equalTo(List.of("T_MINUS_48H", "T_MINUS_24H", "T_MINUS_2H", "NO_SHOW_CHECK")))
                .body("status", equalTo(List.of("PLANNED", "PLANNED", "PLANNED", "PLANNED")))
                .body("dueAt", equalTo(List.of("2030-09-08T11:00:00Z", "2030-09-09T11:00:00Z",
                        "2030-09-10T09:00:00Z", "2030-09-10T11:30:00Z")))
                .body("dueAtMoscow", equalTo(List.of("2030-09-08T14:00:00+03:00", "2030-09-09T14:00:00+03:00",
                        "2030-09-10T12:00:00+03:00", "2030-09-10T14:30:00+03:00")))
                .body("[0].sentAt", nullValue())
                .body("[0].answer", nullValue());

        // After the first touch the patient confirms: the timeline shows when it went out and the answer to it.
        clock.set(start.minus(Duration.ofHours(48)));
        jobs.dispatchDue();
        clock.set(start.minus(Duration.ofHours(47)));
        apply(appointment.confirmed(2, clock.instant()));

        given().header("Authorization", TestTokens.bearer("doctor"))
                .queryParam("appointmentId", appointment.id().toString())
                .get("/api/reminders")
                .then().statusCode(200)
                .body("[0].status", equalTo("SENT"))
                .body("[0].sentAt", equalTo("2030-09-08T11:00:00Z"))
                .body("[0].sentAtMoscow", equalTo("2030-09-08T14:00:00+03:00"))
                .body("[0].answer", equalTo("CONFIRMED"))
                .body("[1].status", equalTo("SKIPPED"))
                .body("[1].reason", equalTo("CONFIRMED"))
                .body("[2].status", equalTo("PLANNED"));

        // Each read of the patient's reminders was recorded for the audit trail (152-FZ).
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inbox.tap().events(
                DataAccessed.class, e -> e.recordId().equals(appointment.id().toString())))
                .extracting(DataAccessed::actor, DataAccessed::actorRole, DataAccessed::patientId,
                        DataAccessed::action, DataAccessed::service)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("registrar@test.yavka", "registrar",
                                appointment.patientId(), DataAccessed.Action.READ, "reminder-service"),
                        org.assertj.core.groups.Tuple.tuple("doctor@test.yavka", "doctor",
                                appointment.patientId(), DataAccessed.Action.READ, "reminder-service")));
    }

    @Test
    void aMissingOrMalformedAppointmentIdIsAProblemNamingTheField() {
        given().header("Authorization", TestTokens.bearer("registrar"))
                .get("/api/reminders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo("appointmentId"))
                .body("title", equalTo("Invalid request parameter"))
                .body("type", containsString("invalid-parameter"));
        given().header("Authorization", TestTokens.bearer("admin"))
                .queryParam("appointmentId", "42")
                .get("/api/reminders")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("appointmentId"))
                .body("detail", containsString("UUID"));
    }

    @Test
    void onlyStaffAndServicesMayRead() {
        String id = UUID.randomUUID().toString();
        given().queryParam("appointmentId", id).get("/api/reminders")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().header("Authorization", TestTokens.bearer("patient")).queryParam("appointmentId", id)
                .get("/api/reminders")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().header("Authorization", TestTokens.bearer("service")).queryParam("appointmentId", id)
                .get("/api/reminders")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void metricsHealthAndOpenApiAreServed() {
        Instant start = moscow("2030-09-12T12:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(Duration.ofHours(72)));
        apply(appointment.booked(clock.instant()));
        clock.set(start.minus(Duration.ofHours(48)).plusSeconds(3));
        jobs.dispatchDue();
        clock.set(start.minus(Duration.ofHours(47)));
        apply(appointment.cancelled(2, clock.instant()));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("reminder_touches_sent_total\\{[^}]*kind=\"T_MINUS_48H\"[^}]*} [1-9]")
                .containsPattern("reminder_answers_after_touch_total\\{[^}]*answer=\"CANCELLED\"[^}]*kind=\"T_MINUS_48H\"[^}]*} [1-9]")
                .contains("reminder_dispatch_lag_seconds{quantile=\"0.99\"")
                .contains("reminder_dispatch_lag_seconds_bucket")
                .contains("reminder_no_shows_total");

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/reminders"));
    }
}
