package ru.yavka.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.contracts.events.SlotReleased;
import ru.yavka.contracts.events.WaitlistOffered;
import ru.yavka.contracts.testing.TestTokens;
import ru.yavka.reminder.service.QuietHours;
import ru.yavka.reminder.support.BookingProcess;
import ru.yavka.reminder.support.BookingStubControl;
import ru.yavka.reminder.support.Db;
import ru.yavka.reminder.support.ReminderTestBase;

/**
 * No arrival by T+30m, end to end with the real booking-service (started from its jar):
 * booking announces the appointment, this service plans the check, calls booking's no-show
 * endpoint with its service token, and booking emits NoShowDetected, SlotReleased and a
 * waitlist offer; then the patient's follow-up leaves. Skipped when booking-service's jar
 * has not been built ({@code mvn -pl booking-service -am package}).
 * <p>
 * The call goes through this run's booking stub, which relays it unchanged (the stub's URL
 * is the one the service was configured with at start-up). Booking judges "has the visit
 * started" by the real clock, so the slot starts half a minute from now; this service's
 * clock is then moved to T+30m.
 */
@QuarkusTest
@EnabledIf("bookingJarBuilt")
class NoShowFlowTest extends ReminderTestBase {

    /**
     * Runs when booking-service's jar is built and newer than its sources (and the contracts'),
     * as in a reactor build, where booking-service is packaged before this module is tested.
     * Plain file checks on purpose: the condition is evaluated before Quarkus sets up its class loading.
     */
    static boolean bookingJarBuilt() throws IOException {
        Path jar = Path.of(System.getenv().getOrDefault("YAVKA_BOOKING_JAR",
                "../booking-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        long built = Files.getLastModifiedTime(jar).toMillis();
        for (String sources : new String[] {"../booking-service/src/main", "../contracts/src/main"}) {
            Path dir = Path.of(sources);
            if (System.getenv("YAVKA_BOOKING_JAR") == null && Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    if (files.anyMatch(f -> f.toFile().lastModified() > built)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    static BookingProcess booking;

    @BeforeAll
    static void startBooking() throws Exception {
        booking = BookingProcess.start();
    }

    @AfterAll
    static void stopBooking() {
        if (booking != null) {
            booking.close();
        }
    }

    private static RequestSpecification as(String role) {
        return given().baseUri(booking.url()).header("Authorization", TestTokens.bearer(role))
                .contentType(ContentType.JSON);
    }

    private static String created(RequestSpecification request, String path) {
        io.restassured.response.Response response = request.post(path);
        assertThat(response.statusCode()).as("POST %s answered %s", path, response.asString()).isEqualTo(201);
        return response.path("id");
    }

    @Test
    void noArrivalByTPlus30MeansNoShowSlotReleasedWaitlistOfferAndAFollowUp() {
        clock.set(Instant.now());
        String doctor = created(as("admin").body(Map.of("fullName", "Иванова Анна Петровна",
                "specialty", "cardiologist", "branch", "Центр", "address", "Москва, ул. Тверская, 7")), "/api/doctors");
        // Far enough ahead to set everything up on a busy machine; the test then waits for it.
        OffsetDateTime start = OffsetDateTime.now(MOSCOW).truncatedTo(ChronoUnit.SECONDS).plusSeconds(30);
        String slot = created(as("admin").body(Map.of("start", start.toString(), "durationMinutes", 30)),
                "/api/doctors/" + doctor + "/slots");
        String patient = patient("Петров Пётр Петрович");
        String waiting = patient("Сидорова Мария Ивановна");
        LocalDate today = start.toLocalDate();
        created(as("registrar").body(Map.of("patientId", waiting, "doctorId", doctor, "specialty", "cardiologist",
                "from", today.toString(), "to", today.plusDays(7).toString())), "/api/waitlist");
        UUID appointment = UUID.fromString(created(as("registrar").body(Map.of("patientId", patient, "slotId", slot,
                "source", "STAFF")), "/api/appointments"));

        // booking-service's AppointmentBooked reaches this service, which plans the T+30m check.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Db.touches(pool, appointment).stream().anyMatch(t -> t.kind().equals("NO_SHOW_CHECK")));
        assertThat(Db.touch(pool, appointment, "NO_SHOW_CHECK").dueAt())
                .isEqualTo(start.toInstant().plus(Duration.ofMinutes(30)));

        BookingStubControl.forward(appointment, booking.url());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(start.toInstant().plusSeconds(1)));
        clock.set(start.toInstant().plus(Duration.ofMinutes(30)));
        jobs.runNoShowChecks();

        assertThat(Db.touch(pool, appointment, "NO_SHOW_CHECK").status()).isEqualTo("SENT");
        as("registrar").get("/api/appointments/" + appointment).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("NO_SHOW"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<NoShowDetected> noShows = inbox.tap().events(NoShowDetected.class,
                    e -> e.appointmentId().equals(appointment));
            List<SlotReleased> released = inbox.tap().events(SlotReleased.class,
                    e -> e.slotId().toString().equals(slot) && e.reason().equals("NO_SHOW"));
            List<WaitlistOffered> offers = inbox.tap().events(WaitlistOffered.class,
                    e -> e.slotId().toString().equals(slot));
            assertThat(noShows).hasSize(1);
            assertThat(noShows.get(0).detectedBy()).isEqualTo("reminder-service");
            assertThat(released).hasSize(1);
            assertThat(offers).hasSize(1);
            assertThat(offers.get(0).patientId().toString()).isEqualTo(waiting);
            // In this order: the no-show, then the freed slot, then its offer to the waitlist.
            assertThat(noShows.get(0).meta().occurredAt()).isBeforeOrEqualTo(released.get(0).meta().occurredAt());
            assertThat(released.get(0).meta().occurredAt()).isBeforeOrEqualTo(offers.get(0).meta().occurredAt());
        });

        // The follow-up is due at T+30m, or at 08:00 Moscow if that falls into the quiet hours.
        Instant followupAt = Db.touch(pool, appointment, "NO_SHOW_FOLLOWUP").dueAt();
        assertThat(followupAt).isEqualTo(new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(8, 0), MOSCOW)
                .nextAllowed(start.toInstant().plus(Duration.ofMinutes(30))));
        clock.set(followupAt);
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment)).extracting(ReminderDue::touchKind).containsExactly("NO_SHOW_FOLLOWUP");
    }

    private static String patient(String fullName) {
        String phone = "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return created(as("registrar").body(Map.of("fullName", fullName, "phone", phone, "birthDate", "1985-04-12",
                "consent", Map.of("given", true, "version", "2026-01", "channel", "STAFF"))), "/api/patients");
    }
}
