package ru.yavka.telegram.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.telegram.client.BookingClient;
import ru.yavka.telegram.client.BookingViews.AcceptOffer;
import ru.yavka.telegram.client.BookingViews.Appointment;
import ru.yavka.telegram.client.ServiceRejection;
import ru.yavka.telegram.repository.ButtonPresses;

/** Accept / Decline on a waitlist offer; the message then shows what happened. */
@ApplicationScoped
public class OfferActions {

    static final String PURPOSE = "telegram-waitlist";

    private final BookingClient booking;
    private final Catalog catalog;
    private final Visits visits;
    private final ButtonPresses presses;
    private final AuditTrail audit;
    private final Ui ui;
    private final Texts texts;
    private final Clock clock;

    public OfferActions(@RestClient BookingClient booking, Catalog catalog, Visits visits, ButtonPresses presses,
            AuditTrail audit, Ui ui, Texts texts, Clock clock) {
        this.booking = booking;
        this.catalog = catalog;
        this.visits = visits;
        this.presses = presses;
        this.audit = audit;
        this.ui = ui;
        this.texts = texts;
        this.clock = clock;
    }

    public void act(Chat chat, boolean accept, UUID offerId) {
        String target = "w:" + offerId;
        if (chat.messageId != null && !presses.claim(chat.key, chat.messageId, target, clock.instant())) {
            ui.answer(chat, texts.get("action.done-before"), false);
            return;
        }
        try {
            String outcome;
            if (accept) {
                Appointment appointment = booking.acceptOffer(offerId, new AcceptOffer("TELEGRAM"));
                audit.byPatient(chat.actor, chat.session.patientId, "appointment", appointment.id(),
                        DataAccessed.Action.CREATE, PURPOSE);
                outcome = texts.get("offer.accepted") + "\n" + visits.lines(appointment.start(),
                        catalog.doctor(appointment.doctorId()));
            } else {
                booking.declineOffer(offerId);
                audit.byPatient(chat.actor, chat.session.patientId, "waitlist", offerId, DataAccessed.Action.UPDATE,
                        PURPOSE);
                outcome = texts.get("offer.declined");
            }
            show(chat, outcome, false);
        } catch (ServiceRejection e) {
            if (!e.isConflict() && !e.isNotFound()) {
                release(chat, target);
                throw e;
            }
            show(chat, texts.get("offer.expired"), true);
        } catch (RuntimeException e) {
            release(chat, target);
            throw e;
        }
    }

    private void show(Chat chat, String outcome, boolean alert) {
        ui.answer(chat, alert ? outcome : null, alert);
        if (chat.messageId == null) {
            ui.send(chat, outcome, (Ui.Keys) null);
            return;
        }
        ui.edit(chat, chat.messageId, (chat.messageText == null ? "" : chat.messageText + "\n\n") + outcome, null);
    }

    private void release(Chat chat, String target) {
        if (chat.messageId != null) {
            presses.release(chat.key, chat.messageId, target);
        }
    }
}
