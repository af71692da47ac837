package ru.yavka.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.telegram.bot.CallbackCodec;
import ru.yavka.telegram.bot.CompactIds;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.Clinic;
import ru.yavka.telegram.support.Events;

/**
 * ReminderDue becomes a message with buttons; a press acts on booking-service and edits the
 * message. A double tap acts once, a stale button says so, a forged one is refused, and a
 * redelivered reminder is not sent twice.
 */
@QuarkusTest
class ReminderAnswersTest {

    private static final List<String> BUTTONS = List.of("CONFIRM", "RESCHEDULE", "CANCEL");
    private static Events events;
    private static EventTap tap;

    @Inject
    CallbackCodec codec;

    @BeforeAll
    static void start() {
        events = new Events();
        tap = EventTap.onRun();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        events.close();
        tap.close();
    }

    private record Booked(ChatUser user, String patientId, String appointmentId) {
    }

    private Booked linkedPatientWithAppointment(String doctorName, int hour) {
        String doctor = Clinic.doctor("cardiologist", doctorName);
        String phone = Clinic.phone();
        String patient = Clinic.patient("Петров Пётр Петрович", phone);
        String appointment = Clinic.book(patient, Clinic.slot(doctor, 2, hour));
        ChatUser user = ChatUser.newcomer();
        user.register(phone, true);
        return new Booked(user, patient, appointment);
    }

    private ChatMessage remind(Booked b, String key, String text) {
        events.send(b.appointmentId(), Events.reminder(key, UUID.fromString(b.appointmentId()),
                UUID.fromString(b.patientId()), text, Instant.now().plus(2, ChronoUnit.DAYS), BUTTONS));
        return b.user().awaitText(text);
    }

    @Test
    void confirmEditsTheMessageAndADoubleTapActsOnce() {
        Booked b = linkedPatientWithAppointment("Сердцев Игорь Олегович", 10);
        ChatMessage reminder = remind(b, "touch-" + UUID.randomUUID(), "Напоминаем: послезавтра в 10:00 у вас приём.");
        assertThat(reminder.labels()).containsExactly("✅ Подтвердить", "🔁 Перенести", "❌ Отменить");

        String data = reminder.buttons().get(0).callbackData();
        b.user().pressData(reminder.messageId(), data);
        b.user().pressData(reminder.messageId(), data);

        ChatMessage edited = b.user().awaitMessage(m -> m.messageId() == reminder.messageId()
                && m.text().contains("Вы подтвердили визит"), "the reminder edited");
        assertThat(edited.inline()).isEmpty();
        b.user().awaitNotice("Уже сделано");
        assertThat(Clinic.appointment(b.appointmentId()).getString("status")).isEqualTo("CONFIRMED");
        // Both presses were answered; only one acted on the message.
        await().atMost(Duration.ofSeconds(20)).until(() -> b.user().calls("answerCallbackQuery").size() >= 2);
        assertThat(b.user().calls("editMessageText").stream()
                .filter(c -> c.params().get("message_id").equals(Integer.toString(reminder.messageId()))))
                .hasSize(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(tap.events(AppointmentConfirmed.class,
                e -> e.appointmentId().toString().equals(b.appointmentId()))).hasSize(1));
    }

    @Test
    void aButtonForAnAppointmentThatChangedSaysSoAndDoesNothing() {
        Booked b = linkedPatientWithAppointment("Сердцева Мария Львовна", 11);
        ChatMessage reminder = remind(b, "touch-" + UUID.randomUUID(), "Напоминаем о приёме в 11:00.");
        Clinic.cancel(b.appointmentId());

        b.user().press("Подтвердить");
        b.user().awaitNotice("Эта запись уже отменена");
        ChatMessage edited = b.user().awaitMessage(m -> m.messageId() == reminder.messageId()
                && m.text().contains("Эта запись уже отменена"), "the reminder marked stale");
        assertThat(edited.inline()).isEmpty();
        assertThat(Clinic.appointment(b.appointmentId()).getString("status")).isEqualTo("CANCELLED");
        assertThat(tap.events(AppointmentConfirmed.class, e -> e.appointmentId().toString().equals(b.appointmentId())))
                .isEmpty();
    }

    @Test
    void cancelFromTheReminder() {
        Booked b = linkedPatientWithAppointment("Сердечный Олег Ильич", 12);
        ChatMessage reminder = remind(b, "touch-" + UUID.randomUUID(), "Ваш приём в 12:00, ждём вас.");
        b.user().press("Отменить");
        b.user().awaitMessage(m -> m.messageId() == reminder.messageId() && m.text().contains("Запись отменена"),
                "the reminder edited");
        assertThat(Clinic.appointment(b.appointmentId()).getString("status")).isEqualTo("CANCELLED");
    }

    @Test
    void forgedCallbacksNeverActOnSomeoneElsesAppointment() {
        Booked victim = linkedPatientWithAppointment("Сердюк Анна Павловна", 13);
        Booked attacker = linkedPatientWithAppointment("Сердюк Борис Павлович", 14);
        ChatMessage victimReminder = remind(victim, "touch-" + UUID.randomUUID(), "Приём в 13:00 (жертва).");
        ChatMessage attackerReminder = remind(attacker, "touch-" + UUID.randomUUID(), "Приём в 14:00 (свой).");
        String victimAppointment = CompactIds.of(UUID.fromString(victim.appointmentId()));

        // 1. Made up: the victim's appointment id with a guessed signature.
        attacker.user().pressData(attackerReminder.messageId(), "r:X:" + victimAppointment + "~AAAAAAAAAAA");
        // 2. Copied: the victim's real, validly signed Cancel button, pressed in the attacker's chat.
        String copied = victimReminder.buttons().get(2).callbackData();
        attacker.user().pressData(attackerReminder.messageId(), copied);
        // 3. Unsigned.
        attacker.user().pressData(attackerReminder.messageId(), "r:X:" + victimAppointment);

        await().atMost(Duration.ofSeconds(30)).until(() -> attacker.user().notices().stream()
                .filter(n -> n.contains("недействительна")).count() == 3);
        assertThat(Clinic.appointment(victim.appointmentId()).getString("status")).isEqualTo("BOOKED");
        assertThat(Clinic.appointment(attacker.appointmentId()).getString("status")).isEqualTo("BOOKED");
        assertThat(copied.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        // The same button in its own chat still works.
        assertThat(codec.decode(victim.user().id(), copied)).isPresent();
        assertThat(codec.decode(attacker.user().id(), copied)).isEmpty();
    }

    @Test
    void aRedeliveredReminderIsNotSentAgain() {
        Booked b = linkedPatientWithAppointment("Сердитов Лев Ильич", 15);
        String key = "touch-" + UUID.randomUUID();
        remind(b, key, "Первое напоминание о приёме в 15:00.");
        // Same touch, a new event id: reminder-service redelivered it.
        events.send(b.appointmentId(), Events.reminder(key, UUID.fromString(b.appointmentId()),
                UUID.fromString(b.patientId()), "Первое напоминание о приёме в 15:00.",
                Instant.now().plus(2, ChronoUnit.DAYS), BUTTONS));
        // A later touch on the same partition shows the duplicate has been consumed.
        remind(b, "touch-" + UUID.randomUUID(), "Второе напоминание о приёме в 15:00.");
        assertThat(b.user().botMessages().stream().filter(m -> m.text().startsWith("Первое напоминание")))
                .hasSize(1);
    }
}
