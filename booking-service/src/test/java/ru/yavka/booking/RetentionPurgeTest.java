package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import ru.yavka.booking.service.RetentionPurgeJob;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.contracts.testing.EventTap;

/**
 * Patients whose retention period (3 years after the last appointment) is over are erased
 * through the withdrawal-of-consent path; anyone with an appointment ahead is left alone. The
 * API cannot book in the past, so the test moves rows back in time in SQL.
 */
@QuarkusTest
class RetentionPurgeTest {

    @Inject
    RetentionPurgeJob job;

    @Test
    void erasesPatientsPastTheirRetentionPeriodAndNoOneWithAnAppointmentAhead() throws Throwable {
        String doctor = Fixtures.doctor("neurologist");
        String lapsed = Fixtures.patient("Кузнецов Иван Ильич", Fixtures.phone());
        String lapsedAppointment = Fixtures.book(lapsed, Fixtures.slot(doctor, 2 * 24 * 60, 30));
        String neverBooked = Fixtures.patient("Смирнова Ольга Олеговна", Fixtures.phone());
        String comingBack = Fixtures.patient("Попов Павел Павлович", Fixtures.phone());
        Fixtures.book(comingBack, Fixtures.slot(doctor, 3 * 24 * 60, 30));
        String recent = Fixtures.patient("Волкова Вера Викторовна", Fixtures.phone());
        String recentAppointment = Fixtures.book(recent, Fixtures.slot(doctor, 4 * 24 * 60, 30));

        for (String patient : new String[] {lapsed, neverBooked, comingBack, recent}) {
            sql("update patient set created_at = now() - interval '5 years' where id = ?::uuid", patient);
        }
        sql("update appointment set start_at = now() - interval '3 years 1 day',"
                + " end_at = now() - interval '3 years 1 day' + interval '30 minutes' where id = ?::uuid", lapsedAppointment);
        sql("update appointment set start_at = now() - interval '2 years',"
                + " end_at = now() - interval '2 years' + interval '30 minutes' where id = ?::uuid", recentAppointment);

        try (EventTap tap = EventTap.onRun()) {
            RetentionPurgeJob.Result result = VertxContextSupport.subscribeAndAwait(() -> job.purge());

            assertThat(result.failed()).isZero();
            assertThat(result.erased()).isGreaterThanOrEqualTo(2);
            assertErased(lapsed);
            assertErased(neverBooked);
            assertUntouched(comingBack);
            assertUntouched(recent);

            UUID lapsedId = UUID.fromString(lapsed);
            UUID neverBookedId = UUID.fromString(neverBooked);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (UUID id : new UUID[] {lapsedId, neverBookedId}) {
                    assertThat(tap.events(PatientErasureRequested.class, e -> e.patientId().equals(id)))
                            .singleElement().satisfies(e -> {
                                assertThat(e.reason()).isEqualTo("истёк срок хранения персональных данных");
                                assertThat(e.channel()).isEqualTo("SYSTEM");
                            });
                    assertThat(tap.events(PatientDataErased.class, e -> e.patientId().equals(id)))
                            .singleElement().satisfies(e -> {
                                assertThat(e.service()).isEqualTo("booking-service");
                                assertThat(e.reason()).isEqualTo("истёк срок хранения персональных данных");
                            });
                }
            });
            assertThat(tap.events(PatientErasureRequested.class,
                    e -> e.patientId().toString().equals(comingBack) || e.patientId().toString().equals(recent)))
                    .isEmpty();
        }

        RetentionPurgeJob.Result again = VertxContextSupport.subscribeAndAwait(() -> job.purge());
        assertThat(again.erased()).as("erased patients are not candidates any more").isZero();
    }

    private static void assertErased(String patient) throws SQLException {
        try (Connection c = connection();
             PreparedStatement raw = c.prepareStatement("select full_name, phone, birth_date, telegram_chat_id,"
                     + " phone_hmac, chat_id_hmac, consent_given, erased_at from patient where id = ?::uuid")) {
            raw.setString(1, patient);
            try (ResultSet rs = raw.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int column = 1; column <= 6; column++) {
                    assertThat(rs.getObject(column)).as("column %d of %s", column, patient).isNull();
                }
                assertThat(rs.getBoolean(7)).isFalse();
                assertThat(rs.getTimestamp(8)).isNotNull();
            }
        }
    }

    private static void assertUntouched(String patient) throws SQLException {
        try (Connection c = connection();
             PreparedStatement raw = c.prepareStatement(
                     "select full_name, phone, birth_date, consent_given, erased_at from patient where id = ?::uuid")) {
            raw.setString(1, patient);
            try (ResultSet rs = raw.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int column = 1; column <= 3; column++) {
                    assertThat(rs.getObject(column)).as("column %d of %s", column, patient).isNotNull();
                }
                assertThat(rs.getBoolean(4)).isTrue();
                assertThat(rs.getTimestamp(5)).isNull();
            }
        }
    }

    private static void sql(String statement, String id) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "");
    }
}
