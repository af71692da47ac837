package ru.yavka.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.Clinic;
import ru.yavka.telegram.support.Events;

/**
 * 152-FZ: personal data never reaches a log. A whole patient journey (consent, registration
 * with a typed name and birth date, the shared phone, a booking, a reminder answered, symptoms
 * typed in the chat) runs through the gateway and the real booking-service; then every line
 * both services logged, exceptions included, is searched for the patient's data; and both put
 * their accesses to it on the audit record (DataAccessed).
 */
@QuarkusTest
class NoPersonalDataInLogsTest {

    /** What ChatUser.register types for a new patient. */
    private static final String TYPED_NAME = "Тестов Тест Тестович";
    private static final String TYPED_BIRTH_DATE = "14.03.1985";
    private static final String SYMPTOMS = "Второй день ломит поясницу, отдаёт в ногу";

    private static final Queue gatewayLog = new Queue();
    private static Events events;
    private static EventTap tap;

    @BeforeAll
    static void capture() {
        Logger.getLogger("").addHandler(gatewayLog);
        events = new Events();
        tap = EventTap.onRun();
    }

    @AfterAll
    static void release() throws InterruptedException {
        Logger.getLogger("").removeHandler(gatewayLog);
        events.close();
        tap.close();
    }

    @Test
    void aWholeJourneyLeavesNoNamePhoneBirthDateChatIdOrChatTextInAnyLog() throws IOException {
        String doctor = Clinic.doctor("urologist", "Почкин Олег Игоревич");
        Clinic.slot(doctor, 2, 12);
        String phone = Clinic.phone();
        ChatUser user = ChatUser.newcomer();
        user.register(phone, false);

        user.send("📅 Записаться");
        user.awaitText("Как будем выбирать?");
        user.press("По специальности");
        user.awaitText("Выберите специальность");
        user.pressPaged("Уролог");
        ChatMessage days = user.awaitText("Выберите день (Уролог)");
        user.press(days.labels().get(0));
        user.awaitText("Свободное время на");
        user.press("12:00 · Почкин О. И.");
        user.awaitText("Проверьте запись");
        user.press("Записаться");
        user.awaitText("Вы записаны!");

        String patient = Clinic.byPhone(phone).getString("id");
        Map<String, Object> appointment = Clinic.appointmentsOf(patient).get(0);
        String text = "Напоминаем: послезавтра в 12:00 у вас приём.";
        events.send((String) appointment.get("id"), Events.reminder("touch-" + UUID.randomUUID(),
                UUID.fromString((String) appointment.get("id")), UUID.fromString(patient), text,
                Instant.now().plus(2, ChronoUnit.DAYS), List.of("CONFIRM", "RESCHEDULE", "CANCEL")));
        user.awaitText(text);
        user.press("✅ Подтвердить");
        user.awaitText("Вы подтвердили визит");

        user.send(SYMPTOMS);
        user.awaitText("вам подойдёт специалист");

        List<String> secrets = List.of(TYPED_NAME, "Тестов", TYPED_BIRTH_DATE, "1985-03-14", phone,
                phone.substring(1), phone.substring(2), Long.toString(user.id()), SYMPTOMS);
        String booking = Files.readString(bookingLog(), StandardCharsets.UTF_8);
        String gateway = String.join("\n", gatewayLog);
        // The capture works: both logs hold this journey's lines, so an empty search means something.
        assertThat(gatewayLog).isNotEmpty();
        assertThat(booking).contains("booking-service");
        for (String secret : secrets) {
            assertThat(gateway).as("telegram-gateway's log").doesNotContain(secret);
            assertThat(booking).as("booking-service's log").doesNotContain(secret);
        }

        // And both services that touched the patient's data put it on the audit record.
        UUID patientId = UUID.fromString(patient);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                tap.events(DataAccessed.class, e -> patientId.equals(e.patientId())))
                .extracting(DataAccessed::service).contains("telegram-gateway", "booking-service"));
    }

    private static Path bookingLog() {
        return Path.of(ConfigProvider.getConfig().getValue("yavka.test.booking-log", String.class));
    }

    /** Every record the gateway logs (the stand-ins excepted: they play Telegram), formatted, with any exception. */
    private static final class Queue extends Handler implements Iterable<String> {

        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("ru.yavka.telegram.standin")) {
                return;
            }
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + message);
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return new ArrayList<>(lines).iterator();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
