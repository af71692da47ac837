package ru.yavka.notification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.notification.config.NotificationConfig;

/**
 * The Russian wording of every alert. A push passes through the browser vendor's push service
 * (encrypted, but still a third party), and shows on a lock screen: so it names the doctor and
 * the time, never the patient. Staff open the PWA for the rest.
 */
@ApplicationScoped
public class AlertTexts {

    private static final Locale RU = Locale.forLanguageTag("ru-RU");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", RU);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", RU);

    private final NotificationConfig config;

    public AlertTexts(NotificationConfig config) {
        this.config = config;
    }

    public AlertDraft telegramBooking(AppointmentBooked e, DoctorInfo doctor, Instant now) {
        return appointment(AlertKind.TELEGRAM_BOOKING, "Новая запись из Telegram",
                doctor.label() + " — " + when(e.start(), now), e.appointmentId(), e.doctorId(), e.start(),
                e.meta().eventId());
    }

    public AlertDraft waitlistAccepted(AppointmentBooked e, DoctorInfo doctor, Instant now) {
        return appointment(AlertKind.WAITLIST_ACCEPTED, "Слот занят из листа ожидания",
                doctor.label() + " — " + when(e.start(), now) + ". Пациент принял предложение.", e.appointmentId(),
                e.doctorId(), e.start(), e.meta().eventId());
    }

    public AlertDraft lateCancellation(AppointmentCancelled e, DoctorInfo doctor, Instant now) {
        return appointment(AlertKind.LATE_CANCELLATION, "Отмена менее чем за 24 часа",
                doctor.label() + " — " + when(e.start(), now) + ". Слот свободен.", e.appointmentId(),
                e.doctorId(), e.start(), e.meta().eventId());
    }

    public AlertDraft noShow(NoShowDetected e, DoctorInfo doctor, Instant now) {
        return appointment(AlertKind.NO_SHOW, "Неявка",
                doctor.label() + " — приём " + when(e.start(), now) + ". Пациент не пришёл.", e.appointmentId(),
                e.doctorId(), e.start(), e.meta().eventId());
    }

    public AlertDraft breakerOpened(String breaker, UUID eventId) {
        return new AlertDraft(AlertKind.BREAKER_OPENED, "Связь с 1С прервана",
                "Защита «" + breaker + "» разомкнута: обмен с 1С приостановлен, расписание может отставать.",
                "/integration", null, "breaker:" + breaker, AlertKind.BREAKER_OPENED.ttl(), eventId, null);
    }

    public AlertDraft triageEmergency(String caseKey, String specialty, UUID eventId) {
        String body = "Пациент в Telegram описал симптомы, требующие неотложной помощи"
                + (specialty == null || specialty.isBlank() ? "" : " (" + specialty + ")")
                + ". Бот посоветовал вызвать 103; свяжитесь с пациентом.";
        return new AlertDraft(AlertKind.TRIAGE_EMERGENCY, "Срочно: тревожные симптомы", body, "/alerts", null,
                "triage:" + caseKey, AlertKind.TRIAGE_EMERGENCY.ttl(), eventId, null);
    }

    public AlertDraft test(String userName) {
        return new AlertDraft(AlertKind.TEST, "Проверка уведомлений",
                "Уведомления на этом устройстве работают.", "/alerts", null, "test:" + userName,
                AlertKind.TEST.ttl(), null, userName);
    }

    private AlertDraft appointment(AlertKind kind, String title, String body, UUID appointmentId, UUID doctorId,
            Instant start, UUID eventId) {
        LocalDate day = start.atZone(config.clinicZone()).toLocalDate();
        return new AlertDraft(kind, title, body, "/schedule?date=" + day + "&appointment=" + appointmentId,
                doctorId, "appointment:" + appointmentId, kind.ttl(), eventId, null);
    }

    /** "сегодня в 10:30", "завтра в 10:30", "вчера в 10:30" or "12 декабря в 10:30", clinic time. */
    String when(Instant start, Instant now) {
        ZonedDateTime at = start.atZone(config.clinicZone());
        LocalDate today = now.atZone(config.clinicZone()).toLocalDate();
        LocalDate day = at.toLocalDate();
        String date = day.equals(today) ? "сегодня"
                : day.equals(today.plusDays(1)) ? "завтра"
                : day.equals(today.minusDays(1)) ? "вчера"
                : DAY.format(at);
        return date + " в " + TIME.format(at);
    }
}
