package ru.yavka.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.contracts.events.SlotReleased;
import ru.yavka.contracts.events.WaitlistOffered;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.notification.support.Clinic;
import ru.yavka.notification.support.Db;
import ru.yavka.notification.support.Events;
import ru.yavka.notification.support.Staff;

/**
 * The no-show dashboard from booking-service's events: a fortnight weeks ago (so no other
 * test's events fall in it), published out of order and with a duplicate, as Kafka may deliver.
 */
@QuarkusTest
class DashboardTest {

    private static final String SPECIALTY = "rheumatologist";
    private static Events events;

    @BeforeAll
    static void start() {
        events = new Events();
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
    }

    @Test
    void ratesByDayDoctorAndSpecialtyTrendConfirmationAndWaitlistRefill() {
        LocalDate today = LocalDate.now(Clinic.MOSCOW);
        LocalDate from = today.minusDays(47);
        LocalDate to = today.minusDays(34);
        LocalDate previousWeekDay = today.minusDays(45);
        LocalDate recentWeekDay = today.minusDays(38);
        UUID doctor = UUID.randomUUID();
        List<YavkaEvent> stream = new ArrayList<>();

        // The week before: four visits, all attended; two confirmed first.
        for (int i = 0; i < 4; i++) {
            Visit v = new Visit(doctor, at(previousWeekDay, 9 + i));
            stream.add(v.booked(null));
            if (i < 2) {
                stream.add(v.confirmed(2));
                stream.add(v.arrived(3));
            } else {
                stream.add(v.arrived(2));
            }
        }
        // The last week: four visits, two no-shows; one more cancelled, its slot refilled from the waitlist.
        Visit confirmedAndCame = new Visit(doctor, at(recentWeekDay, 9));
        Visit came = new Visit(doctor, at(recentWeekDay, 10));
        Visit missed = new Visit(doctor, at(recentWeekDay, 11));
        Visit missedToo = new Visit(doctor, at(recentWeekDay, 12));
        Visit cancelled = new Visit(doctor, at(recentWeekDay, 13));
        stream.addAll(List.of(confirmedAndCame.booked(null), confirmedAndCame.confirmed(2), confirmedAndCame.arrived(3)));
        // Arrival first, booking after: a later version is never overwritten by an earlier one.
        stream.addAll(List.of(came.arrived(2), came.booked(null)));
        NoShowDetected noShow = missed.noShow(2);
        stream.addAll(List.of(missed.booked(null), noShow, noShow, missedToo.booked(null), missedToo.noShow(2)));
        stream.addAll(List.of(cancelled.booked(null), cancelled.cancelled(2), missed.released("NO_SHOW"),
                cancelled.released("CANCELLED")));
        UUID waiting = UUID.randomUUID();
        WaitlistOffered offer = new WaitlistOffered(meta(UUID.randomUUID(), 1), UUID.randomUUID(), UUID.randomUUID(),
                waiting, cancelled.slot, doctor, SPECIALTY, cancelled.start, cancelled.start.plusSeconds(900));
        stream.add(offer);
        stream.forEach(events::publish);
        // Topics are consumed independently: the refill is booked once the offer and the release are known,
        // as it is in the clinic (booking-service offers a slot only after releasing it).
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", offer.meta().eventId()) == 1
                && Db.count("SELECT count(*) FROM slot_release WHERE slot_id = ?", cancelled.slot) == 1);
        Visit refill = new Visit(doctor, cancelled.start, cancelled.slot, waiting);
        events.publish(refill.booked(AppointmentSource.TELEGRAM));

        JsonPath report = await().atMost(Duration.ofSeconds(60)).until(
                () -> Staff.as("admin", "admin@test.yavka")
                        .get("/api/dashboard/no-shows?from=" + from + "&to=" + to)
                        .then().statusCode(200).extract().jsonPath(),
                r -> r.getInt("overall.visits") == 8 && r.getInt("refill.refilledFromWaitlist") == 1
                        && r.getInt("confirmation.visits") == 9);

        assertThat(report.getInt("overall.noShows")).isEqualTo(2);
        assertThat(report.getDouble("overall.rate")).isEqualTo(0.25);
        List<Map<String, Object>> days = report.getList("byDay");
        assertThat(days).hasSize(14);
        assertThat(day(days, previousWeekDay)).containsEntry("visits", 4).containsEntry("noShows", 0);
        assertThat(day(days, recentWeekDay)).containsEntry("visits", 4).containsEntry("noShows", 2)
                .containsEntry("rate", 0.5f);
        assertThat(day(days, from)).containsEntry("visits", 0).containsEntry("rate", null);
        assertThat(report.getList("byDoctor.key")).containsExactly(doctor.toString());
        assertThat(report.getInt("byDoctor[0].noShows")).isEqualTo(2);
        assertThat(report.getList("bySpecialty.key")).containsExactly(SPECIALTY);
        assertThat(report.getString("trend.direction")).isEqualTo("UP");
        assertThat(report.getDouble("trend.recentRate")).isEqualTo(0.5);
        assertThat(report.getDouble("trend.previousRate")).isEqualTo(0.0);
        // Nine visits went ahead or are still booked (the cancelled one did not); three were confirmed.
        assertThat(report.getInt("confirmation.confirmed")).isEqualTo(3);
        assertThat(report.getInt("refill.freedSlots")).isEqualTo(2);
        assertThat(report.getDouble("refill.rate")).isEqualTo(0.5);
        // Weeks-old events are history, not news: nobody was pushed about them.
        assertThat(Db.count("SELECT count(*) FROM staff_alert WHERE doctor_id = ?", doctor)).isZero();
    }

    @Test
    void aBadRangeIsRefusedByName() {
        Staff.as("registrar", "registrar@test.yavka").get("/api/dashboard/no-shows?from=2026-02-30")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("from"));
        Staff.as("registrar", "registrar@test.yavka").get("/api/dashboard/no-shows?from=2026-03-10&to=2026-03-01")
                .then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("to"));
        Staff.as("auditor", "auditor@test.yavka").get("/api/dashboard/no-shows").then().statusCode(403);
    }

    private static Map<String, Object> day(List<Map<String, Object>> days, LocalDate date) {
        return days.stream().filter(d -> d.get("key").equals(date.toString())).findFirst().orElseThrow();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(Clinic.MOSCOW).toInstant();
    }

    private static EventMeta meta(UUID aggregate, long version) {
        return new EventMeta(UUID.randomUUID(), 1, Instant.now().minus(Duration.ofDays(30)), aggregate.toString(),
                version);
    }

    /** One appointment of the fortnight, and the events booking-service would have sent about it. */
    private static final class Visit {
        final UUID id = UUID.randomUUID();
        final UUID doctor;
        final Instant start;
        final UUID slot;
        final UUID patient;

        Visit(UUID doctor, Instant start) {
            this(doctor, start, UUID.randomUUID(), UUID.randomUUID());
        }

        Visit(UUID doctor, Instant start, UUID slot, UUID patient) {
            this.doctor = doctor;
            this.start = start;
            this.slot = slot;
            this.patient = patient;
        }

        AppointmentBooked booked(AppointmentSource source) {
            return new AppointmentBooked(meta(id, 1), id, patient, slot, doctor, "Ревматолог Тестовый", SPECIALTY,
                    "Москва", start, 30, source == null ? AppointmentSource.STAFF : source, "registrar@test.yavka");
        }

        AppointmentConfirmed confirmed(long version) {
            return new AppointmentConfirmed(meta(id, version), id, patient, start, "telegram-gateway");
        }

        AppointmentArrived arrived(long version) {
            return new AppointmentArrived(meta(id, version), id, patient, start, "registrar@test.yavka");
        }

        NoShowDetected noShow(long version) {
            return new NoShowDetected(meta(id, version), id, patient, slot, doctor, SPECIALTY, start, "reminder-service");
        }

        AppointmentCancelled cancelled(long version) {
            return new AppointmentCancelled(meta(id, version), id, patient, slot, doctor, SPECIALTY, start, "болезнь",
                    "telegram-gateway");
        }

        SlotReleased released(String reason) {
            return new SlotReleased(meta(slot, 1), slot, doctor, SPECIALTY, start, 30, reason);
        }
    }
}
