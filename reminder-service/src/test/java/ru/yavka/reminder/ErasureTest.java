package ru.yavka.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.reminder.service.ErasureRelay;
import ru.yavka.reminder.support.BookingStubControl;
import ru.yavka.reminder.support.Db;
import ru.yavka.reminder.support.Db.TouchRow;
import ru.yavka.reminder.support.Events;
import ru.yavka.reminder.support.Events.Appointment;
import ru.yavka.reminder.support.ReminderTestBase;

/**
 * PatientErasureRequested: the patient's planned touches are cancelled, no touch keeps the visit
 * in its params, nothing more goes out, and PatientDataErased is published once however often
 * the request is delivered.
 */
@QuarkusTest
class ErasureTest extends ReminderTestBase {

    static final Duration H = Duration.ofHours(1);

    @Inject
    ErasureRelay relay;

    @Test
    void erasureCancelsPlannedTouchesBlanksTheirTextsAndConfirmsOnce() {
        Instant start = moscow("2030-06-03T13:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        apply(appointment.booked(clock.instant()));
        clock.set(start.minus(H.multipliedBy(48)));
        jobs.dispatchDue();
        assertThat(Db.touches(pool, appointment.id())).extracting(TouchRow::params)
                .anySatisfy(params -> assertThat(params).contains(Events.DOCTOR));

        PatientErasureRequested request = erasure(appointment.patientId());
        events.send(request);
        events.send(request);
        // Keyed by the same aggregate, so once this one is applied the redelivery before it was consumed too.
        UUID marker = UUID.randomUUID();
        PatientErasureRequested after = new PatientErasureRequested(new EventMeta(UUID.randomUUID(),
                EventMeta.CURRENT_SCHEMA_VERSION, clock.instant(), appointment.patientId().toString(), 1), marker,
                "registrar", "STAFF", "consent withdrawn");
        events.send(after);
        awaitProcessed(after);
        relay.publishPending();
        relay.publishPending();

        assertThat(Db.touches(pool, appointment.id())).extracting(TouchRow::kind, TouchRow::status, TouchRow::reason,
                TouchRow::params).containsExactly(
                        Tuple.tuple("T_MINUS_48H", "SENT", null, "{}"),
                        Tuple.tuple("T_MINUS_24H", "CANCELLED", "erasure", "{}"),
                        Tuple.tuple("T_MINUS_2H", "CANCELLED", "erasure", "{}"),
                        Tuple.tuple("NO_SHOW_CHECK", "CANCELLED", "erasure", "{}"));
        assertThat(count("SELECT count(*) FROM touch WHERE patient_id = $1 AND (status = 'PLANNED' OR params <> '{}'"
                + " OR params LIKE '%' || $2 || '%')", appointment.patientId(), Events.DOCTOR)).isZero();
        assertThat(count("SELECT count(*) FROM appointment WHERE patient_id = $1 AND (doctor_name IS NOT NULL"
                + " OR specialty IS NOT NULL OR address IS NOT NULL)", appointment.patientId())).isZero();
        assertThat(count("SELECT count(*) FROM erasure_confirmation WHERE patient_id = $1 AND sent_at IS NOT NULL",
                appointment.patientId())).isEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !confirmations(marker).isEmpty() && !confirmations(appointment.patientId()).isEmpty());
        assertThat(confirmations(appointment.patientId())).singleElement().satisfies(erased -> {
            assertThat(erased.categories()).containsExactly("planned-reminders", "reminder-texts", "visit-details");
            assertThat(erased.reason()).isEqualTo("consent withdrawn");
        });

        // Nothing more goes out: no reminder, no no-show check.
        clock.set(start.plus(H));
        jobs.dispatchDue();
        jobs.runNoShowChecks();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind).containsExactly("T_MINUS_48H");
        assertThat(BookingStubControl.calls(appointment.id())).isEmpty();
    }

    @Test
    void aBookingThatArrivesAfterTheErasurePlansNothingToSend() {
        Instant start = moscow("2030-06-04T13:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        apply(erasure(appointment.patientId()), appointment.booked(clock.instant()));

        assertThat(Db.touches(pool, appointment.id())).hasSize(4).extracting(TouchRow::status, TouchRow::params)
                .containsOnly(Tuple.tuple("CANCELLED", "{}"));
        assertThat(count("SELECT count(*) FROM appointment WHERE appointment_id = $1 AND doctor_name IS NULL"
                + " AND specialty IS NULL AND address IS NULL", appointment.id())).isEqualTo(1);
        clock.set(start.plus(H));
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).isEmpty();
    }

    private static PatientErasureRequested erasure(UUID patientId) {
        return new PatientErasureRequested(EventMeta.next(patientId.toString(), 9, Instant.now()), patientId,
                "registrar", "STAFF", "consent withdrawn");
    }

    private static List<PatientDataErased> confirmations(UUID patientId) {
        return inbox.tap().events(PatientDataErased.class,
                e -> e.patientId().equals(patientId) && "reminder-service".equals(e.service()));
    }

    private long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(io.vertx.mutiny.sqlclient.Tuple.from(args))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}
