package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.contracts.testing.EventTap;

/** Withdrawal of consent erases the personal data in the raw table and tells the other services. */
@QuarkusTest
class PatientErasureTest {

    @Test
    void erasureRemovesPersonalDataCancelsWhatIsAheadAndAnnouncesIt() throws Exception {
        String phone = Fixtures.phone();
        String chat = String.valueOf(System.nanoTime());
        String patient = Fixtures.as("service")
                .body(Map.of("fullName", "Орлова Дарья Игоревна", "phone", phone, "birthDate", "1979-09-09",
                        "telegramChatId", chat,
                        "consent", Map.of("given", true, "version", "2026-01", "channel", "TELEGRAM")))
                .post("/api/patients").then().statusCode(201).extract().<String>path("id");
        String doctor = Fixtures.doctor("endocrinologist");
        String slot = Fixtures.slot(doctor, 6 * 24 * 60, 30);
        String appointment = Fixtures.book(patient, slot);
        Fixtures.as("service").body(Map.of("patientId", patient, "specialty", "endocrinologist",
                "from", LocalDate.now().toString(), "to", LocalDate.now().plusDays(9).toString()))
                .post("/api/waitlist").then().statusCode(201);

        try (EventTap tap = EventTap.onRun()) {
            Fixtures.as("service").body(Map.of("reason", "/forget", "channel", "TELEGRAM"))
                    .post("/api/patients/" + patient + "/erasure")
                    .then().statusCode(200).body("cancelledAppointments", equalTo(1));
            Fixtures.as("service").body(Map.of("reason", "/forget", "channel", "TELEGRAM"))
                    .post("/api/patients/" + patient + "/erasure")
                    .then().statusCode(200).body("cancelledAppointments", equalTo(0));

            Fixtures.as("registrar").get("/api/patients/" + patient).then().statusCode(410);
            Fixtures.as("registrar").queryParam("phone", phone).get("/api/patients/lookup").then().statusCode(404);
            Fixtures.as("registrar").get("/api/patients/lookup?telegramChatId=" + chat).then().statusCode(404);
            Fixtures.as("registrar").get("/api/appointments/" + appointment).then()
                    .body("status", equalTo("CANCELLED"));
            Fixtures.as("registrar").get("/api/slots?doctorId=" + doctor).then().body("id", hasItem(slot));
            Fixtures.as("registrar").get("/api/waitlist").then()
                    .body("patientId", org.hamcrest.Matchers.not(hasItem(patient)));

            try (Connection c = DriverManager.getConnection(
                    ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "");
                 PreparedStatement raw = c.prepareStatement("select full_name, phone, birth_date, telegram_chat_id,"
                         + " phone_hmac, chat_id_hmac, consent_given, erased_at from patient where id = ?::uuid")) {
                raw.setString(1, patient);
                try (ResultSet rs = raw.executeQuery()) {
                    rs.next();
                    for (int column = 1; column <= 6; column++) {
                        assertThat(rs.getObject(column)).as("column %d", column).isNull();
                    }
                    assertThat(rs.getBoolean(7)).isFalse();
                    assertThat(rs.getTimestamp(8)).isNotNull();
                }
            }

            UUID id = UUID.fromString(patient);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(tap.events(PatientErasureRequested.class, e -> e.patientId().equals(id))).hasSize(1);
                assertThat(tap.events(PatientDataErased.class, e -> e.patientId().equals(id)))
                        .extracting(PatientDataErased::service).containsExactly("booking-service");
                assertThat(tap.events(AppointmentCancelled.class,
                        e -> e.appointmentId().toString().equals(appointment))).hasSize(1);
            });
        }
    }
}
