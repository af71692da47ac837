package ru.yavka.telegram.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.telegram.bot.CallbackCodec;
import ru.yavka.telegram.bot.CompactIds;
import ru.yavka.telegram.client.BookingClient;
import ru.yavka.telegram.client.BookingViews.Appointment;
import ru.yavka.telegram.client.BookingViews.Cancel;
import ru.yavka.telegram.client.ServiceRejection;
import ru.yavka.telegram.repository.ButtonPresses;

/**
 * The appointment buttons, on reminders and on "Мои записи": confirm, reschedule, cancel, book
 * again. A press acts once; a press on an appointment that has changed since says so and does
 * nothing; a press for someone else's appointment is refused.
 */
@ApplicationScoped
public class AppointmentActions {

    private static final Logger LOG = Logger.getLogger(AppointmentActions.class);
    static final String PURPOSE = "telegram-reminder-answer";
    private static final int MAX_LISTED = 5;

    private final BookingClient booking;
    private final BookingFlow bookingFlow;
    private final Catalog catalog;
    private final Visits visits;
    private final ButtonPresses presses;
    private final CallbackCodec codec;
    private final AuditTrail audit;
    private final Ui ui;
    private final Texts texts;
    private final Clock clock;

    public AppointmentActions(@RestClient BookingClient booking, BookingFlow bookingFlow, Catalog catalog,
            Visits visits, ButtonPresses presses, CallbackCodec codec, AuditTrail audit, Ui ui, Texts texts,
            Clock clock) {
        this.booking = booking;
        this.bookingFlow = bookingFlow;
        this.catalog = catalog;
        this.visits = visits;
        this.presses = presses;
        this.codec = codec;
        this.audit = audit;
        this.ui = ui;
        this.texts = texts;
        this.clock = clock;
    }

    /** "📋 Мои записи": the upcoming appointments, each with its buttons. */
    public void mine(Chat chat) {
        UUID patientId = chat.session.patientId;
        List<Appointment> upcoming = booking.appointmentsOf(patientId).stream()
                .filter(a -> a.upcoming() && a.start().toInstant().isAfter(clock.instant()))
                .sorted(Comparator.comparing(Appointment::start))
                .limit(MAX_LISTED).toList();
        audit.byPatient(chat.actor, patientId, "appointment", "list", DataAccessed.Action.READ, PURPOSE);
        if (upcoming.isEmpty()) {
            ui.send(chat, texts.get("mine.none"), ui.keys(chat).add(texts.get("menu.book"), "b"));
            return;
        }
        StringBuilder text = new StringBuilder(texts.get("mine.title"));
        Ui.Keys keys = ui.keys(chat);
        int n = 1;
        for (Appointment a : upcoming) {
            text.append("\n\n").append(texts.get("mine.item", "n", n++,
                    "visit", visits.shortLine(a.start(), catalog.doctor(a.doctorId())),
                    "status", texts.get("status." + a.status())));
            String id = CompactIds.of(a.id());
            String label = Visits.compact(a.start());
            if ("BOOKED".equals(a.status())) {
                keys.add(texts.get("button.confirm-item", "short", label), "r:C:" + id);
            }
            keys.row(keys.button(texts.get("button.reschedule-item", "short", label), "r:R:" + id),
                    keys.button(texts.get("button.cancel-item", "short", label), "r:X:" + id));
        }
        ui.send(chat, text.toString(), keys);
    }

    public void act(Chat chat, char action, UUID appointmentId) {
        Appointment appointment;
        try {
            appointment = booking.appointment(appointmentId);
        } catch (ServiceRejection e) {
            if (!e.isNotFound()) {
                throw e;
            }
            ui.answer(chat, texts.get("action.invalid"), true);
            return;
        }
        if (!appointment.patientId().equals(chat.session.patientId)) {
            LOG.warn("a signed button named an appointment of another patient; refused");
            ui.answer(chat, texts.get("action.not-yours"), true);
            return;
        }
        switch (action) {
            case 'B' -> {
                ui.answer(chat, null, false);
                bookingFlow.chooseDoctor(chatWithoutMessage(chat), appointment.doctorId());
            }
            case 'R' -> {
                if (!appointment.upcoming()) {
                    stale(chat, appointment.id(), "stale." + appointment.status());
                    return;
                }
                ui.answer(chat, null, false);
                bookingFlow.beginReschedule(chat, appointment, chat.messageId, chat.messageText);
            }
            case 'C', 'X' -> change(chat, action, appointment);
            default -> ui.answer(chat, texts.get("action.invalid"), true);
        }
    }

    private void change(Chat chat, char action, Appointment appointment) {
        String target = action + ":" + appointment.id();
        if (chat.messageId != null && !presses.claim(chat.key, chat.messageId, target, clock.instant())) {
            ui.answer(chat, texts.get("action.done-before"), false);
            return;
        }
        try {
            if (action == 'C' && "CONFIRMED".equals(appointment.status())) {
                outcome(chat, appointment.id(), texts.get("action.already-confirmed"), false);
                return;
            }
            if (!appointment.upcoming()) {
                stale(chat, appointment.id(), "stale." + appointment.status());
                return;
            }
            try {
                if (action == 'C') {
                    booking.confirm(appointment.id());
                } else {
                    booking.cancel(appointment.id(), new Cancel(texts.get("cancel.reason")));
                }
            } catch (ServiceRejection e) {
                if (!e.isConflict()) {
                    throw e;
                }
                stale(chat, appointment.id(), Stale.textKey(e.detail()));
                return;
            }
            audit.byPatient(chat.actor, appointment.patientId(), "appointment", appointment.id(),
                    DataAccessed.Action.UPDATE, PURPOSE);
            outcome(chat, appointment.id(), texts.get(action == 'C' ? "action.confirmed" : "action.cancelled"), false);
        } catch (RuntimeException e) {
            if (chat.messageId != null) {
                presses.release(chat.key, chat.messageId, target);
            }
            throw e;
        }
    }

    /** The appointment changed since the message was sent: say so, change nothing. */
    private void stale(Chat chat, UUID appointmentId, String textKey) {
        outcome(chat, appointmentId, texts.get(textKey), true);
    }

    /**
     * Answers the press, and edits the message it was on: the outcome below its text, and the
     * buttons of this appointment gone (a list keeps the others').
     */
    private void outcome(Chat chat, UUID appointmentId, String outcome, boolean alert) {
        ui.answer(chat, outcome, alert);
        if (chat.messageId == null) {
            ui.send(chat, outcome, (Ui.Keys) null);
            return;
        }
        String base = chat.messageText == null ? "" : chat.messageText + "\n\n";
        ui.edit(chat, chat.messageId, base + outcome, remainingKeys(chat, appointmentId));
    }

    private Ui.Keys remainingKeys(Chat chat, UUID appointmentId) {
        Ui.Keys keys = ui.keys(chat);
        InlineKeyboardMarkup markup = chat.markup;
        if (markup == null || markup.inlineKeyboard() == null) {
            return keys;
        }
        String id = CompactIds.of(appointmentId);
        for (InlineKeyboardButton[] row : markup.inlineKeyboard()) {
            List<InlineKeyboardButton> kept = new ArrayList<>();
            for (InlineKeyboardButton button : row) {
                Optional<String> payload = codec.decode(chat.id, button.callbackData());
                if (payload.isPresent() && !payload.get().endsWith(id)) {
                    kept.add(new InlineKeyboardButton(button.text()).callbackData(button.callbackData()));
                }
            }
            keys.row(kept.toArray(InlineKeyboardButton[]::new));
        }
        return keys;
    }

    /** "Записаться снова" opens a new screen rather than replacing the reminder. */
    private static Chat chatWithoutMessage(Chat chat) {
        return new Chat(chat.id, chat.key, chat.actor, chat.fromId, chat.session, chat.callbackId, null, null, null);
    }
}
