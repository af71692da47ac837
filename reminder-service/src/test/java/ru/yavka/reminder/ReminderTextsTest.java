package ru.yavka.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.yavka.reminder.service.ReminderTexts;

class ReminderTextsTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    final ReminderTexts texts = new ReminderTexts(MOSCOW);
    final ReminderTexts.Visit visit = new ReminderTexts.Visit("Иванова Анна Петровна", "cardiologist",
            "Москва, ул. Тверская, 7", msk("2030-03-14T14:00"));

    static Instant msk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    @Test
    void theSequenceReadsRightInRussian() {
        assertThat(texts.params("reminder.t48", visit, msk("2030-03-12T14:00")).get("text")).isEqualTo(
                "Здравствуйте! У вас запись к врачу через 2 дня: послезавтра, 14 марта, в 14:00. "
                        + "Врач — Иванова Анна Петровна. Подтвердите визит или перенесите запись.");
        assertThat(texts.params("reminder.t24", visit, msk("2030-03-13T14:00")).get("text")).isEqualTo(
                "Напоминаем: завтра, 14 марта, в 14:00 у вас приём. Врач — Иванова Анна Петровна. "
                        + "Подтвердите, пожалуйста, что придёте.");
        assertThat(texts.params("reminder.t2", visit, msk("2030-03-14T12:00")).get("text")).isEqualTo(
                "Ваш приём через 2 часа, в 14:00. Ждём вас по адресу: Москва, ул. Тверская, 7.");
        assertThat(texts.params("noshow.followup", visit, msk("2030-03-14T14:30")).get("text")).isEqualTo(
                "Мы вас не дождались на приёме 14 марта в 14:00 (врач — Иванова Анна Петровна). Записаться снова?");
    }

    @Test
    void paramsCarryTheMoscowWallClockAndTheLeadAtSendingTime() {
        // T-2h moved by quiet hours from 07:30 to 08:00 before a 09:30 visit: "in 2 hours" would be a lie.
        ReminderTexts.Visit morning = new ReminderTexts.Visit("Петров П. П.", "therapist", "Москва, Арбат, 1",
                msk("2030-03-14T09:30"));
        Map<String, String> params = texts.params("reminder.t2", morning, msk("2030-03-14T08:00"));
        assertThat(params).containsEntry("time", "09:30").containsEntry("date", "14 марта")
                .containsEntry("lead", "через 2 часа").containsEntry("day", "сегодня")
                .containsEntry("start", "2030-03-14T06:30:00Z");
        assertThat(texts.params("reminder.t2", morning, msk("2030-03-13T21:59")).get("lead")).isEqualTo("через 12 часов");
        assertThat(texts.params("reminder.t2", morning, msk("2030-03-14T09:00")).get("lead")).isEqualTo("через 30 минут");
        assertThat(texts.params("reminder.t2", morning, msk("2030-03-14T08:29")).get("lead")).isEqualTo("через 1 час");
    }

    @Test
    void unknownTemplatesAreRefused() {
        assertThat(texts.hasTemplate("reminder.t48")).isTrue();
        assertThat(texts.hasTemplate("reminder.t99")).isFalse();
        assertThatThrownBy(() -> texts.render("reminder.t99", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
