package ru.yavka.telegram.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.pengrad.telegrambot.model.Contact;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.telegram.client.BookingClient;
import ru.yavka.telegram.client.BookingViews.Consent;
import ru.yavka.telegram.client.BookingViews.NewPatient;
import ru.yavka.telegram.client.BookingViews.Patient;
import ru.yavka.telegram.client.BookingViews.TelegramLink;
import ru.yavka.telegram.client.ServiceRejection;
import ru.yavka.telegram.config.TelegramConfig;
import ru.yavka.telegram.repository.ChatLinks;
import ru.yavka.telegram.repository.ConsentWithdrawals;

/**
 * /start, consent and registration: greet, take an explicit "Согласен", then the patient's own
 * phone through request_contact, and link the chat to the record found by that phone, or
 * create one. Before the consent nothing about the chat is stored.
 */
@ApplicationScoped
public class ConsentFlow {

    private static final Logger LOG = Logger.getLogger(ConsentFlow.class);

    private static final String E164 = "\\+[1-9]\\d{7,14}";
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final String PURPOSE = "telegram-registration";

    private final BookingClient booking;
    private final SessionStore sessions;
    private final ChatLinks links;
    private final ConsentWithdrawals withdrawals;
    private final AuditTrail audit;
    private final Ui ui;
    private final Texts texts;
    private final TelegramConfig config;
    private final Clock clock;

    public ConsentFlow(@RestClient BookingClient booking, SessionStore sessions, ChatLinks links,
            ConsentWithdrawals withdrawals, AuditTrail audit, Ui ui, Texts texts, TelegramConfig config, Clock clock) {
        this.booking = booking;
        this.sessions = sessions;
        this.links = links;
        this.withdrawals = withdrawals;
        this.audit = audit;
        this.ui = ui;
        this.texts = texts;
        this.config = config;
        this.clock = clock;
    }

    public void start(Chat chat) {
        if (chat.linked()) {
            String name = chat.session.patientName;
            String greeting = name == null ? texts.get("start.welcome-back-anonymous")
                    : texts.get("start.welcome-back", "name", name);
            ui.send(chat, greeting + "\n\n" + texts.get("menu.hint"), ui.menu());
            return;
        }
        if (chat.consented()) {
            askCurrentStep(chat);
            return;
        }
        Ui.Keys keys = ui.keys(chat).add(texts.get("button.consent"), "cs")
                .url(texts.get("button.policy"), config.consent().policyUrl());
        ui.send(chat, texts.get("start.greeting", "policyUrl", config.consent().policyUrl()), keys);
    }

    /** The "Согласен" button: from here on the chat has a session. */
    public void agree(Chat chat) {
        if (chat.consented()) {
            ui.answer(chat, texts.get("action.done-before"), false);
            askCurrentStep(chat);
            return;
        }
        Session session = new Session();
        session.step = Session.Step.AWAIT_CONTACT;
        session.consentAt = clock.instant();
        session.consentVersion = config.consent().version();
        sessions.save(chat.key, session);
        chat.session = session;
        ui.answer(chat, null, false);
        if (chat.messageId != null) {
            // The greeting keeps its text and the policy link; the button has done its job.
            ui.edit(chat, chat.messageId, chat.messageText == null ? texts.get("start.greeting", "policyUrl",
                    config.consent().policyUrl()) : chat.messageText,
                    ui.keys(chat).url(texts.get("button.policy"), config.consent().policyUrl()));
        }
        ui.send(chat, texts.get("consent.thanks"), ui.contactRequest());
    }

    public void askCurrentStep(Chat chat) {
        switch (chat.session.step) {
            case AWAIT_CONTACT -> ui.send(chat, texts.get("contact.use-button"), ui.contactRequest());
            case AWAIT_NAME -> ui.send(chat, texts.get("register.ask-name"), ui.noKeyboard());
            case AWAIT_BIRTHDATE -> ui.send(chat, texts.get("register.ask-birthdate"), ui.noKeyboard());
            case READY -> ui.send(chat, texts.get("menu.hint"), ui.menu());
        }
    }

    /** A shared contact: accepted only when it is the sender's own (Telegram vouches for that number). */
    public void contact(Chat chat, Contact contact) {
        if (contact.userId() == null || contact.userId() != chat.fromId) {
            ui.send(chat, texts.get("contact.not-own"), ui.contactRequest());
            return;
        }
        Optional<String> phone = e164(contact.phoneNumber());
        if (phone.isEmpty()) {
            ui.send(chat, texts.get("contact.unreadable"), ui.contactRequest());
            return;
        }
        Patient found;
        try {
            found = booking.lookupByPhone(phone.get());
        } catch (ServiceRejection e) {
            if (!e.isNotFound()) {
                throw e;
            }
            found = null;
        }
        if (found != null) {
            link(chat, found);
            return;
        }
        chat.session.phone = phone.get();
        chat.session.step = Session.Step.AWAIT_NAME;
        sessions.save(chat.key, chat.session);
        ui.send(chat, texts.get("register.ask-name"), ui.noKeyboard());
    }

    public void name(Chat chat, String text) {
        String name = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (name.length() > 200 || name.split(" ").length < 2 || !name.matches("[\\p{L}][\\p{L}\\- '.]*")) {
            ui.send(chat, texts.get("register.bad-name"), (com.pengrad.telegrambot.model.request.Keyboard) null);
            return;
        }
        chat.session.fullName = name;
        chat.session.step = Session.Step.AWAIT_BIRTHDATE;
        sessions.save(chat.key, chat.session);
        ui.send(chat, texts.get("register.ask-birthdate"), (com.pengrad.telegrambot.model.request.Keyboard) null);
    }

    public void birthDate(Chat chat, String text) {
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(text.strip(), RU_DATE);
        } catch (DateTimeParseException | NullPointerException e) {
            birthDate = null;
        }
        LocalDate today = LocalDate.now(clock.withZone(Texts.CLINIC));
        if (birthDate == null || !birthDate.isBefore(today) || birthDate.isBefore(today.minusYears(125))) {
            ui.send(chat, texts.get("register.bad-birthdate"), (com.pengrad.telegrambot.model.request.Keyboard) null);
            return;
        }
        Patient created;
        try {
            created = booking.register(new NewPatient(chat.session.fullName, chat.session.phone, birthDate,
                    Long.toString(chat.id), Consent.telegram(chat.session.consentVersion)));
        } catch (ServiceRejection e) {
            if (e.isConflict() && "phone".equals(e.field())) {
                // Registered meanwhile (another channel, or our own retried request): link to it.
                link(chat, booking.lookupByPhone(chat.session.phone));
                return;
            }
            if (e.isConflict()) {
                ui.send(chat, texts.get("link.conflict"), ui.noKeyboard());
                return;
            }
            throw e;
        }
        linked(chat, created, DataAccessed.Action.CREATE);
        ui.send(chat, texts.get("register.done", "name", Visits.politeName(created.fullName())) + "\n\n"
                + texts.get("menu.hint"), ui.menu());
    }

    private void link(Chat chat, Patient patient) {
        Patient updated;
        try {
            updated = booking.linkTelegram(patient.id(), new TelegramLink(Long.toString(chat.id),
                    Consent.telegram(chat.session.consentVersion)));
        } catch (ServiceRejection e) {
            if (e.isConflict()) {
                ui.send(chat, texts.get("link.conflict"), ui.noKeyboard());
                return;
            }
            throw e;
        }
        linked(chat, updated, DataAccessed.Action.UPDATE);
        ui.send(chat, texts.get("link.done", "name", Visits.politeName(updated.fullName())) + "\n\n"
                + texts.get("menu.hint"), ui.menu());
    }

    private void linked(Chat chat, Patient patient, DataAccessed.Action action) {
        UUID patientId = patient.id();
        links.link(patientId, chat.key, chat.id, chat.session.consentVersion, clock.instant());
        withdrawals.renew(chat.key, patientId, clock.instant());
        chat.session.step = Session.Step.READY;
        chat.session.patientId = patientId;
        chat.session.patientName = Visits.politeName(patient.fullName());
        // The phone and name were only needed to find or create the record.
        chat.session.phone = null;
        chat.session.fullName = null;
        sessions.save(chat.key, chat.session);
        audit.byPatient(chat.actor, patientId, "patient", patientId, action, PURPOSE);
        LOG.infof("chat %s linked to patient %s", chat.key, patientId);
    }

    /** Telegram sends "79991234567" or "+7 999 …"; booking wants E.164. A Russian 8… becomes +7…. */
    static Optional<String> e164(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() == 11 && digits.startsWith("8") && !raw.strip().startsWith("+")) {
            digits = "7" + digits.substring(1);
        }
        String phone = "+" + digits;
        return phone.matches(E164) ? Optional.of(phone) : Optional.empty();
    }
}
