package ru.yavka.telegram.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.pengrad.telegrambot.model.CallbackQuery;
import com.pengrad.telegrambot.model.Chat.Type;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.request.Keyboard;

import ru.yavka.telegram.bot.CallbackCodec;
import ru.yavka.telegram.bot.ChatKeys;
import ru.yavka.telegram.bot.CompactIds;
import ru.yavka.telegram.client.BookingClient;
import ru.yavka.telegram.client.BookingViews.Patient;
import ru.yavka.telegram.client.ServiceRejection;
import ru.yavka.telegram.client.ServiceUnavailable;
import ru.yavka.telegram.repository.ChatLinks;
import ru.yavka.telegram.repository.ConsentWithdrawals;

/**
 * Routes one update (a message or a button press in a private chat) to its flow. Runs on a
 * dialog thread; one chat's updates arrive here strictly in order. Nothing from the chat's
 * contents is logged.
 */
@ApplicationScoped
public class Dialog {

    private static final Logger LOG = Logger.getLogger(Dialog.class);

    private final ChatKeys keys;
    private final CallbackCodec codec;
    private final SessionStore sessions;
    private final ChatLinks links;
    private final ConsentWithdrawals withdrawals;
    private final BookingClient booking;
    private final ConsentFlow consent;
    private final BookingFlow bookingFlow;
    private final AppointmentActions appointments;
    private final OfferActions offers;
    private final SymptomsFlow symptoms;
    private final ForgetFlow forget;
    private final Ui ui;
    private final Texts texts;

    public Dialog(ChatKeys keys, CallbackCodec codec, SessionStore sessions, ChatLinks links,
            ConsentWithdrawals withdrawals, @RestClient BookingClient booking, ConsentFlow consent,
            BookingFlow bookingFlow, AppointmentActions appointments, OfferActions offers, SymptomsFlow symptoms,
            ForgetFlow forget, Ui ui, Texts texts) {
        this.keys = keys;
        this.codec = codec;
        this.sessions = sessions;
        this.links = links;
        this.withdrawals = withdrawals;
        this.booking = booking;
        this.consent = consent;
        this.bookingFlow = bookingFlow;
        this.appointments = appointments;
        this.offers = offers;
        this.symptoms = symptoms;
        this.forget = forget;
        this.ui = ui;
        this.texts = texts;
    }

    /** The chat an update belongs to, for ordering; empty for updates the bot ignores. */
    public static Optional<Long> chatOf(Update update) {
        if (update.message() != null && update.message().chat() != null) {
            return Optional.of(update.message().chat().id());
        }
        CallbackQuery query = update.callbackQuery();
        if (query != null && query.maybeInaccessibleMessage() != null
                && query.maybeInaccessibleMessage().chat() != null) {
            return Optional.of(query.maybeInaccessibleMessage().chat().id());
        }
        return Optional.empty();
    }

    public void handle(Update update) {
        Chat chat = chatOf(update, update.message(), update.callbackQuery());
        if (chat == null) {
            return;
        }
        try {
            if (update.message() != null) {
                onMessage(chat, update.message());
            } else {
                onButton(chat, update.callbackQuery());
            }
        } catch (RuntimeException e) {
            failed(chat, e);
        }
    }

    /** Only private chats with a sender take part; the rest (groups, channels) is ignored. */
    private Chat chatOf(Update update, Message message, CallbackQuery query) {
        if (message != null) {
            if (message.chat() == null || message.from() == null || message.chat().type() != Type.Private) {
                return null;
            }
            long chatId = message.chat().id();
            return new Chat(chatId, keys.of(chatId), keys.actor(chatId), message.from().id(), null, null, null,
                    null, null);
        }
        if (query == null || query.from() == null || query.maybeInaccessibleMessage() == null
                || query.maybeInaccessibleMessage().chat() == null) {
            return null;
        }
        long chatId = query.maybeInaccessibleMessage().chat().id();
        Message shown = query.message();
        return new Chat(chatId, keys.of(chatId), keys.actor(chatId), query.from().id(), null, query.id(),
                query.maybeInaccessibleMessage().messageId(), shown == null ? null : shown.text(),
                shown == null ? null : shown.replyMarkup());
    }

    private void onMessage(Chat chat, Message message) {
        String text = message.text() == null ? null : message.text().strip();
        boolean start = text != null && (text.equals("/start") || text.startsWith("/start "));
        chat.session = session(chat, start);
        if (start) {
            consent.start(chat);
            return;
        }
        if ("/forget".equals(text)) {
            forget.forget(chat);
            return;
        }
        if (!chat.consented()) {
            ui.send(chat, texts.get("consent.needed"), (Keyboard) null);
            return;
        }
        if (message.contact() != null) {
            if (!chat.linked()) {
                consent.contact(chat, message.contact());
            } else {
                consent.askCurrentStep(chat);
            }
            return;
        }
        if (text == null || text.isEmpty()) {
            ui.send(chat, texts.get("unknown.input"), chat.linked() ? ui.menu() : null);
            return;
        }
        switch (chat.session.step) {
            case AWAIT_CONTACT -> consent.askCurrentStep(chat);
            case AWAIT_NAME -> consent.name(chat, text);
            case AWAIT_BIRTHDATE -> consent.birthDate(chat, text);
            case READY -> onReadyText(chat, text);
        }
    }

    private void onReadyText(Chat chat, String text) {
        if (text.equals(texts.get("menu.book")) || text.equals("/book")) {
            bookingFlow.start(chat);
        } else if (text.equals(texts.get("menu.mine")) || text.equals("/mine")) {
            appointments.mine(chat);
        } else if (text.equals(texts.get("menu.symptoms"))) {
            ui.send(chat, texts.get("symptoms.ask"), ui.menu());
        } else if (text.startsWith("/")) {
            ui.send(chat, texts.get("menu.hint"), ui.menu());
        } else {
            symptoms.describe(chat, text);
        }
    }

    private void onButton(Chat chat, CallbackQuery query) {
        Optional<String> payload = codec.decode(chat.id, query.data());
        if (payload.isEmpty()) {
            // Forged, altered, or made for another chat: never acted on.
            LOG.warn("refused a callback whose signature does not match its chat");
            ui.answer(chat, texts.get("action.invalid"), true);
            return;
        }
        String p = payload.get();
        chat.session = session(chat, false);
        if (p.equals("cs")) {
            consent.agree(chat);
            return;
        }
        if (!chat.consented()) {
            ui.answer(chat, texts.get("consent.needed"), true);
            return;
        }
        if (!chat.linked()) {
            ui.answer(chat, null, false);
            ui.send(chat, texts.get("register.needed"), ui.contactRequest());
            return;
        }
        route(chat, p);
    }

    private void route(Chat chat, String p) {
        String[] part = p.split(":", 3);
        switch (part[0]) {
            case "b" -> answered(chat, () -> bookingFlow.start(chat));
            case "bs" -> answered(chat, () -> bookingFlow.specialties(chat, page(part)));
            case "bd" -> answered(chat, () -> bookingFlow.doctors(chat, page(part)));
            case "sp" -> answered(chat, () -> bookingFlow.chooseSpecialty(chat, part[1]));
            case "dr" -> answered(chat, () -> bookingFlow.chooseDoctor(chat, CompactIds.uuid(part[1])));
            case "dy" -> answered(chat, () -> bookingFlow.days(chat, page(part)));
            case "d" -> answered(chat, () -> bookingFlow.chooseDay(chat, part[1], 0));
            case "tp" -> answered(chat, () -> bookingFlow.timePage(chat, page(part)));
            case "sl" -> bookingFlow.chooseSlot(chat, CompactIds.uuid(part[1]));
            case "ok" -> bookingFlow.confirm(chat);
            case "no" -> bookingFlow.abort(chat);
            case "wl" -> bookingFlow.joinWaitlist(chat);
            case "r" -> appointments.act(chat, part[1].charAt(0), CompactIds.uuid(part[2]));
            case "w" -> offers.act(chat, "A".equals(part[1]), CompactIds.uuid(part[2]));
            default -> ui.answer(chat, texts.get("action.invalid"), true);
        }
    }

    private void answered(Chat chat, Runnable step) {
        ui.answer(chat, null, false);
        step.run();
    }

    private static int page(String[] part) {
        return part.length > 1 ? Math.max(0, Integer.parseInt(part[1])) : 0;
    }

    /**
     * The chat's dialog state. Without one in Redis, a chat already linked (by this gateway, or
     * found at booking-service on /start) gets a fresh READY state, unless it withdrew consent.
     */
    private Session session(Chat chat, boolean askBooking) {
        Optional<Session> stored = sessions.load(chat.key);
        if (stored.isPresent()) {
            return stored.get();
        }
        Optional<UUID> patientId = links.patientOf(chat.key);
        if (patientId.isEmpty() && askBooking && !withdrawals.openForChat(chat.key)) {
            try {
                Patient patient = booking.lookupByChat(Long.toString(chat.id));
                links.link(patient.id(), chat.key, chat.id, "recorded-by-booking-service", java.time.Instant.now());
                patientId = Optional.of(patient.id());
            } catch (ServiceRejection e) {
                if (!e.isNotFound()) {
                    throw e;
                }
            }
        }
        if (patientId.isEmpty()) {
            return null;
        }
        Session session = new Session();
        session.step = Session.Step.READY;
        session.patientId = patientId.get();
        sessions.save(chat.key, session);
        return session;
    }

    private void failed(Chat chat, RuntimeException e) {
        boolean unavailable = unavailable(e);
        if (unavailable) {
            LOG.warnf("a dialog step could not reach another service: %s", e.getClass().getSimpleName());
        } else {
            LOG.error("a dialog step failed", e);
        }
        String text = texts.get(unavailable ? "error.booking-unavailable" : "error.generic");
        try {
            if (chat.isButton()) {
                ui.answer(chat, text, true);
            } else {
                ui.send(chat, text, (Keyboard) null);
            }
        } catch (RuntimeException ignored) {
            // Telegram unreachable too; the patient will try again.
        }
    }

    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailable || t instanceof ProcessingException
                    || t instanceof CircuitBreakerOpenException || t instanceof TimeoutException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

}
