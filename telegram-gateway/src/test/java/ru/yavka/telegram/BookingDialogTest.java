package ru.yavka.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.telegram.bot.ChatKeys;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.Clinic;

/** Booking in the chat against the real booking-service: choose, hold, book, list, reschedule, cancel, waitlist. */
@QuarkusTest
class BookingDialogTest {

    private static EventTap tap;

    @Inject
    ChatKeys keys;

    @BeforeAll
    static void listen() {
        tap = EventTap.onRun();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        tap.close();
    }

    @Test
    void bookBySpecialtyThenRescheduleAndCancelFromMyAppointments() {
        String doctor = Clinic.doctor("allergist", "Аллергова Анна Петровна");
        String first = Clinic.slot(doctor, 2, 10);
        String second = Clinic.slot(doctor, 3, 11);
        String phone = Clinic.phone();
        String patient = Clinic.patient("Лебедев Никита Александрович", phone);
        ChatUser user = ChatUser.newcomer();
        user.register(phone, true);

        user.send("📅 Записаться");
        user.awaitText("Как будем выбирать?");
        user.press("По специальности");
        user.awaitText("Выберите специальность");
        user.pressPaged("Аллерголог");
        ChatMessage days = user.awaitText("Выберите день (Аллерголог)");
        user.press(days.labels().get(0));
        ChatMessage times = user.awaitText("Свободное время на");
        assertThat(times.labels()).contains("10:00 · Аллергова А. П.");
        user.press("10:00 · Аллергова А. П.");
        ChatMessage check = user.awaitText("Проверьте запись");
        assertThat(check.text()).contains("10:00", "Аллергова Анна Петровна (Аллерголог)", Clinic.ADDRESS);
        // Held for this chat: another patient is not offered the slot meanwhile.
        assertThat(Clinic.as("registrar").get("/api/slots?doctorId=" + doctor).jsonPath().getList("id"))
                .doesNotContain(first);
        user.press("Записаться");
        ChatMessage booked = user.awaitText("Вы записаны!");
        assertThat(booked.text()).contains("10:00", "Аллергова Анна Петровна", Clinic.ADDRESS);

        List<Map<String, Object>> appointments = Clinic.appointmentsOf(patient);
        assertThat(appointments).hasSize(1);
        assertThat(appointments.get(0)).containsEntry("source", "TELEGRAM").containsEntry("status", "BOOKED")
                .containsEntry("slotId", first);
        String bookedId = (String) appointments.get(0).get("id");

        String actor = keys.actor(user.id());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tap.events(DataAccessed.class,
                e -> "telegram-gateway".equals(e.service()) && e.patientId().equals(UUID.fromString(patient))
                        && e.action() == DataAccessed.Action.CREATE && "appointment".equals(e.recordType())))
                .singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(actor)));
        assertThat(tap.events(DataAccessed.class, e -> "telegram-gateway".equals(e.service())))
                .allSatisfy(e -> assertThat(e.actor() + e.recordId()).doesNotContain(Long.toString(user.id())));

        user.send("📋 Мои записи");
        ChatMessage mine = user.awaitText("Ваши записи");
        assertThat(mine.text()).contains("Аллергова А. П.", "записан");
        user.press(mine.labels().stream().filter(l -> l.startsWith("🔁 Перенести")).findFirst().orElseThrow());
        ChatMessage newDays = user.awaitText("Выберите новый день");
        user.press(newDays.labels().get(0));
        user.awaitText("Свободное время на");
        user.press("11:00");
        user.awaitText("Перенести запись на");
        user.press("Перенести");
        user.awaitText("Запись перенесена");
        assertThat(Clinic.appointment(bookedId).getString("status")).isEqualTo("RESCHEDULED");
        String movedId = Clinic.appointment(bookedId).getString("rescheduledTo");
        assertThat(Clinic.appointment(movedId).getString("slotId")).isEqualTo(second);
        // The list the button was on shows the outcome too.
        user.awaitMessage(m -> m.messageId() == mine.messageId() && m.text().contains("Запись перенесена"),
                "the list edited");

        user.send("📋 Мои записи");
        ChatMessage again = user.awaitMessage(m -> m.text().startsWith("Ваши записи")
                && m.messageId() != mine.messageId(), "a fresh list");
        user.press(again.labels().stream().filter(l -> l.startsWith("❌ Отменить")).findFirst().orElseThrow());
        user.awaitMessage(m -> m.messageId() == again.messageId() && m.text().contains("Запись отменена"),
                "the list edited with the cancellation");
        assertThat(Clinic.appointment(movedId).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void longListsArePaginated() {
        for (int i = 0; i < 7; i++) {
            Clinic.doctor("surgeon", "Хирургов" + (char) ('А' + i) + " Иван Петрович");
        }
        String phone = Clinic.phone();
        Clinic.patient("Волкова Татьяна Юрьевна", phone);
        ChatUser user = ChatUser.newcomer();
        user.register(phone, true);
        user.send("📅 Записаться");
        user.awaitText("Как будем выбирать?");
        user.press("По врачу");
        ChatMessage page1 = user.awaitText("Выберите врача");
        assertThat(page1.labels()).hasSize(7).contains("▶️").doesNotContain("◀️");
        user.press("▶️");
        ChatMessage page2 = user.awaitMessage(m -> m.messageId() == page1.messageId()
                && m.edits() > page1.edits(), "page 2");
        assertThat(page2.labels()).contains("◀️").doesNotContainAnyElementsOf(
                page1.labels().stream().filter(l -> !l.equals("▶️")).toList());
        for (String label : page1.labels()) {
            assertThat(label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(100);
        }
    }

    @Test
    void noFreeSlotsOffersTheWaitlistAndTheOfferIsAccepted() {
        String doctor = Clinic.doctor("urologist", "Уролов Пётр Ильич");
        String slot = Clinic.slot(doctor, 2, 15);
        String taken = Clinic.book(Clinic.patient("Занятов Олег Олегович", Clinic.phone()), slot);
        String phone = Clinic.phone();
        String patient = Clinic.patient("Ожидаева Мария Андреевна", phone);
        ChatUser user = ChatUser.newcomer();
        user.register(phone, true);

        user.send("📅 Записаться");
        user.awaitText("Как будем выбирать?");
        user.press("По специальности");
        user.awaitText("Выберите специальность");
        user.pressPaged("Уролог");
        user.awaitText("Свободного времени на ближайшие 14 дней нет (Уролог)");
        user.press("Встать в лист ожидания");
        user.awaitText("вы в листе ожидания (Уролог)");
        assertThat(Clinic.as("registrar").get("/api/waitlist").jsonPath().getList("patientId")).contains(patient);

        Clinic.cancel(taken);
        ChatMessage offer = user.awaitText("Освободилось время!");
        assertThat(offer.text()).contains("Уролов Пётр Ильич", "15:00", "Предложение действует до");
        assertThat(offer.labels()).containsExactly("✅ Записаться", "✖️ Отказаться");
        user.press("✅ Записаться");
        user.awaitMessage(m -> m.messageId() == offer.messageId() && m.text().contains("Вы записаны!"),
                "the offer shows the booking");
        List<Map<String, Object>> mine = Clinic.appointmentsOf(patient);
        assertThat(mine).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("slotId", slot).containsEntry("source", "TELEGRAM");
        });
    }
}
