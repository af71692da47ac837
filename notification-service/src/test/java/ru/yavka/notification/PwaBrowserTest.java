package ru.yavka.notification;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.notification.support.BrowserTests;
import ru.yavka.notification.support.Clinic;
import ru.yavka.notification.support.Events;

/**
 * The staff PWA in a real headless Chromium (Debian's, driven by playwright-core): the scripts
 * in src/main/webui/e2e run against this notification-service, the real booking-service behind
 * it and a small clinic made here through booking-service's API. Their screenshots are what
 * docs/screenshots shows (-Dyavka.screenshots=../docs/screenshots to refresh those).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PwaBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String fixture;

    @TestHTTPResource("/")
    URL pwa;

    @Test
    @Order(1)
    void signInScheduleArrivalAndALiveTelegramBooking() {
        BrowserTests.run("schedule.test.mjs", pwa.toString(), fixture());
    }

    @Test
    @Order(2)
    void phoneBookingWaitlistDashboardIntegrationAlertsAndAudit() {
        BrowserTests.run("pages.test.mjs", pwa.toString(), fixture());
    }

    @Test
    @Order(3)
    void manifestServiceWorkerOfflineShellAndNotifications() {
        BrowserTests.run("installable.test.mjs", pwa.toString(), fixture());
    }

    private static synchronized String fixture() {
        if (fixture == null) {
            fixture = build();
        }
        return fixture;
    }

    /** A morning at the clinic: three doctors, their appointments in every state, a waitlist, a month of history. */
    private static String build() {
        ZonedDateTime now = ZonedDateTime.now(Clinic.MOSCOW);
        ZonedDateTime first = now.plusMinutes(20).truncatedTo(ChronoUnit.HOURS).plusMinutes(
                (now.plusMinutes(20).getMinute() / 10 + 1) * 10L);
        if (!first.plusHours(3).toLocalDate().equals(first.toLocalDate())) {
            // Too late in the day for a day's worth of slots: the fixture is tomorrow morning's.
            first = now.toLocalDate().plusDays(1).atTime(9, 0).atZone(Clinic.MOSCOW);
        }
        String[][] doctorSpecs = {
                {"Иванова Анна Петровна", "therapist"},
                {"Смирнов Игорь Олегович", "cardiologist"},
                {"Кузнецова Мария Андреевна", "neurologist"}};
        List<String> doctors = new ArrayList<>();
        List<List<String>> slots = new ArrayList<>();
        for (String[] spec : doctorSpecs) {
            String doctor = Clinic.doctor(spec[0], spec[1]);
            doctors.add(doctor);
            List<String> mine = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                mine.add(Clinic.slotAt(doctor, first.plusMinutes(30L * k).toOffsetDateTime(), 30));
            }
            slots.add(mine);
        }
        Map<String, String> names = new LinkedHashMap<>();
        String petrov = patient("Петров Пётр Петрович", names);
        String sidorova = patient("Сидорова Ольга Ивановна", names);
        String morozov = patient("Морозов Алексей Николаевич", names);
        String volkova = patient("Волкова Татьяна Юрьевна", names);
        String lebedev = patient("Лебедев Никита Александрович", names);
        String egorova = patient("Егорова Наталья Сергеевна", names);
        String zaitsev = patient("Зайцев Роман Игоревич", names);
        String pavlova = patient("Павлова Ксения Дмитриевна", names);
        String sokolov = patient("Соколов Артём Павлович", names);
        String orlova = patient("Орлова Вера Михайловна", names);
        String telegramPatient = patient("Никитин Олег Васильевич", names);
        String waitingTherapy = patient("Фёдорова Людмила Андреевна", names);
        String waitingCardio = patient("Киселёв Геннадий Львович", names);
        String waitingNeuro = patient("Белова Дарья Олеговна", names);

        LocalDate day = first.toLocalDate();
        for (String[] entry : new String[][] {{waitingTherapy, "therapist"}, {waitingCardio, "cardiologist"},
                {waitingNeuro, "neurologist"}}) {
            Clinic.booking("registrar").body(Map.of("patientId", entry[0], "specialty", entry[1],
                    "from", day.toString(), "to", day.plusDays(7).toString())).post("/api/waitlist")
                    .then().statusCode(201);
        }

        Map<String, Object> out = new LinkedHashMap<>();
        String toArrive = Clinic.book(petrov, slots.get(0).get(0), "STAFF");
        String confirmed = Clinic.book(sidorova, slots.get(0).get(1), "TELEGRAM");
        confirm(confirmed);
        String arrived = Clinic.book(morozov, slots.get(0).get(2), "PHONE");
        Clinic.booking("registrar").post("/api/appointments/" + arrived + "/arrive").then().statusCode(200);
        String freedForWaitlist = Clinic.book(volkova, slots.get(0).get(4), "STAFF");
        String smirnovTelegram = Clinic.book(egorova, slots.get(1).get(0), "TELEGRAM");
        confirm(Clinic.book(zaitsev, slots.get(1).get(1), "STAFF"));
        String cancelled = Clinic.book(pavlova, slots.get(1).get(3), "PHONE");
        String kuznetsovaArrived = Clinic.book(sokolov, slots.get(2).get(0), "TELEGRAM");
        confirm(kuznetsovaArrived);
        Clinic.booking("registrar").post("/api/appointments/" + kuznetsovaArrived + "/arrive").then().statusCode(200);
        Clinic.book(orlova, slots.get(2).get(1), "STAFF");
        // Two cancellations on the day: their slots go to the waitlist as live offers.
        for (String id : List.of(cancelled, freedForWaitlist)) {
            Clinic.booking("registrar").body(Map.of("reason", "Пациент не сможет прийти"))
                    .post("/api/appointments/" + id + "/cancel").then().statusCode(200);
        }
        history(doctors, doctorSpecs);

        out.put("today", LocalDate.now(Clinic.MOSCOW).toString());
        out.put("date", day.toString());
        out.put("bookingUrl", Clinic.bookingUrl());
        List<Map<String, String>> doctorList = new ArrayList<>();
        for (int i = 0; i < doctors.size(); i++) {
            doctorList.add(Map.of("id", doctors.get(i), "fullName", doctorSpecs[i][0]));
        }
        out.put("doctors", doctorList);
        out.put("toArrive", toArrive);
        out.put("confirmed", confirmed);
        out.put("arrived", arrived);
        out.put("cancelled", cancelled);
        out.put("telegram", smirnovTelegram);
        Map<String, String> byAppointment = new LinkedHashMap<>();
        byAppointment.put(toArrive, names.get(petrov));
        byAppointment.put(confirmed, names.get(sidorova));
        out.put("patientNames", byAppointment);
        out.put("telegramPatient", telegramPatient);
        out.put("telegramSlot", slots.get(0).get(3));
        String phone = Clinic.booking("registrar").get("/api/patients/" + lebedev).then().statusCode(200)
                .extract().path("phone");
        out.put("phonePatient", Map.of("id", lebedev, "fullName", names.get(lebedev), "phone", phone));
        out.put("phoneDoctor", doctors.get(2));
        out.put("offeredPatientName", names.get(waitingTherapy));
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String patient(String name, Map<String, String> names) {
        String id = Clinic.patient(name);
        names.put(id, name);
        return id;
    }

    private static void confirm(String appointment) {
        Clinic.booking("service").post("/api/appointments/" + appointment + "/confirm").then().statusCode(200);
    }

    /**
     * Thirty days of visits as booking-service would have announced them, for the dashboard:
     * no-shows that ease off over the month, more at one doctor, most visits confirmed.
     */
    private static void history(List<String> doctors, String[][] specs) {
        Random random = new Random(20261203L);
        LocalDate today = LocalDate.now(Clinic.MOSCOW);
        try (Events events = new Events()) {
            for (int daysAgo = 30; daysAgo >= 1; daysAgo--) {
                LocalDate day = today.minusDays(daysAgo);
                for (int d = 0; d < doctors.size(); d++) {
                    UUID doctor = UUID.fromString(doctors.get(d));
                    double noShowChance = 0.08 + 0.12 * daysAgo / 30.0 + (d == 1 ? 0.08 : 0);
                    for (int k = 0; k < 4; k++) {
                        Instant start = day.atTime(9 + 2 * k, 0).atZone(Clinic.MOSCOW).toInstant();
                        UUID id = UUID.randomUUID();
                        UUID patient = UUID.randomUUID();
                        Instant at = start.minus(Duration.ofDays(3));
                        events.publish(new AppointmentBooked(meta(id, 1, at), id, patient, UUID.randomUUID(), doctor,
                                specs[d][0], specs[d][1], "Москва", start, 30,
                                random.nextBoolean() ? AppointmentSource.TELEGRAM : AppointmentSource.STAFF, "history"));
                        long version = 1;
                        if (random.nextDouble() < 0.7) {
                            events.publish(new AppointmentConfirmed(meta(id, ++version, at), id, patient, start, "history"));
                        }
                        if (random.nextDouble() < noShowChance) {
                            events.publish(new NoShowDetected(meta(id, ++version, start), id, patient, UUID.randomUUID(),
                                    doctor, specs[d][1], start, "history"));
                        } else {
                            events.publish(new AppointmentArrived(meta(id, ++version, start), id, patient, start, "history"));
                        }
                    }
                }
            }
        }
    }

    private static EventMeta meta(UUID aggregate, long version, Instant at) {
        return new EventMeta(UUID.randomUUID(), 1, at, aggregate.toString(), version);
    }
}
