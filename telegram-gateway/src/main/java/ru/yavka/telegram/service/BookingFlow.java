package ru.yavka.telegram.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.pengrad.telegrambot.model.request.InlineKeyboardButton;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.telegram.bot.CompactIds;
import ru.yavka.telegram.client.BookingClient;
import ru.yavka.telegram.client.BookingViews.Appointment;
import ru.yavka.telegram.client.BookingViews.Book;
import ru.yavka.telegram.client.BookingViews.Doctor;
import ru.yavka.telegram.client.BookingViews.HoldRequest;
import ru.yavka.telegram.client.BookingViews.Reschedule;
import ru.yavka.telegram.client.BookingViews.Slot;
import ru.yavka.telegram.client.BookingViews.Specialty;
import ru.yavka.telegram.client.BookingViews.WaitlistJoin;
import ru.yavka.telegram.client.ServiceRejection;
import ru.yavka.telegram.config.TelegramConfig;
import ru.yavka.telegram.repository.ButtonPresses;
import ru.yavka.telegram.service.Session.Flow;

/**
 * Booking in the chat: specialty or doctor, then a day, then a free slot (inline keyboards,
 * paginated), then a hold on the slot while the patient checks the details, then the booking.
 * Rescheduling walks the same screens for the appointment's doctor and moves the appointment.
 */
@ApplicationScoped
public class BookingFlow {

    static final String PURPOSE = "telegram-booking";
    private static final DateTimeFormatter DAY_KEY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int LIST_PAGE = 6;
    private static final int DAY_PAGE = 6;
    private static final int TIME_PAGE = 12;

    private final BookingClient booking;
    private final Catalog catalog;
    private final Visits visits;
    private final SessionStore sessions;
    private final ButtonPresses presses;
    private final AuditTrail audit;
    private final Ui ui;
    private final Texts texts;
    private final TelegramConfig config;
    private final Clock clock;

    public BookingFlow(@RestClient BookingClient booking, Catalog catalog, Visits visits, SessionStore sessions,
            ButtonPresses presses, AuditTrail audit, Ui ui, Texts texts, TelegramConfig config, Clock clock) {
        this.booking = booking;
        this.catalog = catalog;
        this.visits = visits;
        this.sessions = sessions;
        this.presses = presses;
        this.audit = audit;
        this.ui = ui;
        this.texts = texts;
        this.config = config;
        this.clock = clock;
    }

    /** "📅 Записаться": by specialty or by doctor. */
    public void start(Chat chat) {
        releaseHold(chat);
        chat.session.flow = null;
        sessions.save(chat.key, chat.session);
        Ui.Keys keys = ui.keys(chat).row(
                ui.keys(chat).button(texts.get("button.by-specialty"), "bs:0"),
                ui.keys(chat).button(texts.get("button.by-doctor"), "bd:0"));
        ui.show(chat, texts.get("book.how"), keys);
    }

    public void specialties(Chat chat, int page) {
        List<Specialty> all = catalog.staffedSpecialties();
        Ui.Keys keys = ui.keys(chat);
        all.stream().skip((long) page * LIST_PAGE).limit(LIST_PAGE)
                .forEach(s -> keys.add(s.name(), "sp:" + s.code()));
        keys.pager("bs:", page, all.size(), LIST_PAGE);
        ui.show(chat, all.isEmpty() ? texts.get("book.no-doctors") : texts.get("book.choose-specialty"), keys);
    }

    public void doctors(Chat chat, int page) {
        List<Doctor> all = catalog.doctors();
        Ui.Keys keys = ui.keys(chat);
        all.stream().skip((long) page * LIST_PAGE).limit(LIST_PAGE)
                .forEach(d -> keys.add(Catalog.shortName(d.fullName()) + " · " + catalog.specialtyName(d.specialty()),
                        "dr:" + CompactIds.of(d.id())));
        keys.pager("bd:", page, all.size(), LIST_PAGE);
        ui.show(chat, texts.get("book.choose-doctor"), keys);
    }

    /** From a specialty button, a doctor button or a triage suggestion. */
    public void chooseSpecialty(Chat chat, String code) {
        beginBooking(chat, Flow.book(code, null));
    }

    public void chooseDoctor(Chat chat, UUID doctorId) {
        beginBooking(chat, Flow.book(null, doctorId));
    }

    private void beginBooking(Chat chat, Flow flow) {
        releaseHold(chat);
        chat.session.flow = flow;
        sessions.save(chat.key, chat.session);
        days(chat, 0);
    }

    /** Starts moving an appointment: the days of the same doctor. */
    public void beginReschedule(Chat chat, Appointment appointment, Integer originMessageId, String originText) {
        releaseHold(chat);
        Flow flow = new Flow();
        flow.kind = Flow.Kind.RESCHEDULE;
        flow.doctorId = appointment.doctorId();
        flow.appointmentId = appointment.id();
        flow.originMessageId = originMessageId;
        flow.originText = originText;
        chat.session.flow = flow;
        sessions.save(chat.key, chat.session);
        Doctor doctor = catalog.doctor(appointment.doctorId());
        List<LocalDate> days = freeDays(flow);
        Ui.Keys keys = dayKeys(chat, days, 0);
        String text = days.isEmpty()
                ? texts.get("book.no-slots", "days", config.bookingDays(), "what", what(flow))
                : texts.get("action.reschedule-pick", "visit", visits.shortLine(appointment.start(), doctor));
        ui.send(chat, text, keys);
    }

    public void days(Chat chat, int page) {
        Flow flow = chat.session.flow;
        if (flow == null) {
            ui.show(chat, texts.get("book.expired"), null);
            return;
        }
        List<LocalDate> days = freeDays(flow);
        if (days.isEmpty()) {
            Ui.Keys keys = ui.keys(chat);
            if (flow.kind == Flow.Kind.BOOK) {
                keys.add(texts.get("button.waitlist"), "wl");
            }
            keys.add(texts.get("button.other-choice"), "b");
            ui.show(chat, texts.get("book.no-slots", "days", config.bookingDays(), "what", what(flow)), keys);
            return;
        }
        ui.show(chat, texts.get("book.choose-day", "what", what(flow)), dayKeys(chat, days, page));
    }

    private Ui.Keys dayKeys(Chat chat, List<LocalDate> days, int page) {
        Ui.Keys keys = ui.keys(chat);
        List<LocalDate> shown = days.stream().skip((long) page * DAY_PAGE).limit(DAY_PAGE).toList();
        for (int i = 0; i < shown.size(); i += 2) {
            keys.row(shown.subList(i, Math.min(i + 2, shown.size())).stream()
                    .map(d -> keys.button(Texts.dayButton(d), "d:" + DAY_KEY.format(d)))
                    .toArray(InlineKeyboardButton[]::new));
        }
        keys.pager("dy:", page, days.size(), DAY_PAGE);
        if (!days.isEmpty() && chat.session.flow.kind == Flow.Kind.BOOK) {
            keys.add(texts.get("button.other-choice"), "b");
        }
        return keys;
    }

    public void chooseDay(Chat chat, String day, int page) {
        Flow flow = chat.session.flow;
        if (flow == null) {
            ui.show(chat, texts.get("book.expired"), null);
            return;
        }
        flow.day = day;
        sessions.save(chat.key, chat.session);
        LocalDate date = LocalDate.parse(day, DAY_KEY);
        List<Slot> slots = booking.freeSlots(flow.specialty, flow.doctorId, date.toString(), date.toString())
                .stream().filter(s -> s.start().toInstant().isAfter(clock.instant())).toList();
        if (slots.isEmpty()) {
            days(chat, 0);
            return;
        }
        boolean byDoctor = flow.doctorId != null;
        int size = byDoctor ? TIME_PAGE : LIST_PAGE;
        int perRow = byDoctor ? 3 : 1;
        Ui.Keys keys = ui.keys(chat);
        List<Slot> shown = slots.stream().skip((long) page * size).limit(size).toList();
        for (int i = 0; i < shown.size(); i += perRow) {
            keys.row(shown.subList(i, Math.min(i + perRow, shown.size())).stream()
                    .map(s -> keys.button(slotLabel(s, byDoctor), "sl:" + CompactIds.of(s.id())))
                    .toArray(InlineKeyboardButton[]::new));
        }
        keys.pager("tp:", page, slots.size(), size);
        keys.add(texts.get("button.other-day"), "dy:0");
        ui.show(chat, texts.get("book.choose-slot", "day", Texts.dayMonth(date), "what", what(flow)), keys);
    }

    public void timePage(Chat chat, int page) {
        Flow flow = chat.session.flow;
        if (flow == null || flow.day == null) {
            ui.show(chat, texts.get("book.expired"), null);
            return;
        }
        chooseDay(chat, flow.day, page);
    }

    /** Holds the slot for this chat, then asks the patient to check the details. */
    public void chooseSlot(Chat chat, UUID slotId) {
        Flow flow = chat.session.flow;
        if (flow == null) {
            ui.show(chat, texts.get("book.expired"), null);
            return;
        }
        if (flow.heldSlot != null && !flow.heldSlot.equals(slotId)) {
            releaseHold(chat);
        }
        try {
            booking.hold(slotId, new HoldRequest(holder(chat)));
        } catch (ServiceRejection e) {
            if (!e.isConflict() && !e.isNotFound()) {
                throw e;
            }
            ui.answer(chat, texts.get("book.slot-taken"), true);
            if (flow.day != null) {
                chooseDay(chat, flow.day, 0);
            } else {
                days(chat, 0);
            }
            return;
        }
        flow.heldSlot = slotId;
        sessions.save(chat.key, chat.session);
        Slot slot = booking.slot(slotId);
        Doctor doctor = catalog.doctor(slot.doctorId());
        boolean moving = flow.kind == Flow.Kind.RESCHEDULE;
        Ui.Keys keys = ui.keys(chat).row(
                ui.keys(chat).button(texts.get(moving ? "button.reschedule-confirm" : "button.book-confirm"), "ok"),
                ui.keys(chat).button(texts.get("button.book-abort"), "no"));
        ui.show(chat, texts.get(moving ? "book.check-reschedule" : "book.check", "visit",
                visits.lines(slot.start(), doctor)), keys);
    }

    /** "✅ Записаться" / "✅ Перенести": acts once however often it is pressed. */
    public void confirm(Chat chat) {
        Flow flow = chat.session.flow;
        if (flow == null || flow.heldSlot == null) {
            ui.answer(chat, texts.get("action.done-before"), false);
            return;
        }
        String target = "ok:" + flow.heldSlot;
        if (chat.messageId != null && !presses.claim(chat.key, chat.messageId, target, clock.instant())) {
            ui.answer(chat, texts.get("action.done-before"), false);
            return;
        }
        try {
            if (flow.kind == Flow.Kind.RESCHEDULE) {
                reschedule(chat, flow);
            } else {
                book(chat, flow);
            }
        } catch (RuntimeException e) {
            if (chat.messageId != null) {
                presses.release(chat.key, chat.messageId, target);
            }
            throw e;
        }
    }

    private void book(Chat chat, Flow flow) {
        UUID patientId = chat.session.patientId;
        Appointment appointment;
        try {
            appointment = booking.book(new Book(patientId, flow.heldSlot, "TELEGRAM", holder(chat)));
        } catch (ServiceRejection e) {
            if (!e.isConflict()) {
                throw e;
            }
            // Our own earlier attempt may have booked it and lost the answer.
            appointment = booking.appointmentsOf(patientId).stream()
                    .filter(a -> a.slotId().equals(flow.heldSlot) && a.upcoming()).findFirst().orElse(null);
            if (appointment == null) {
                flow.heldSlot = null;
                sessions.save(chat.key, chat.session);
                ui.answer(chat, texts.get("book.slot-taken"), true);
                days(chat, 0);
                return;
            }
        }
        chat.session.flow = null;
        sessions.save(chat.key, chat.session);
        audit.byPatient(chat.actor, patientId, "appointment", appointment.id(), DataAccessed.Action.CREATE, PURPOSE);
        ui.answer(chat, null, false);
        ui.show(chat, texts.get("book.done", "visit", visits.lines(appointment.start(),
                catalog.doctor(appointment.doctorId()))), null);
    }

    private void reschedule(Chat chat, Flow flow) {
        Appointment moved;
        try {
            moved = booking.reschedule(flow.appointmentId, new Reschedule(flow.heldSlot));
        } catch (ServiceRejection e) {
            if (!e.isConflict() && e.status() != 422) {
                throw e;
            }
            releaseHold(chat);
            chat.session.flow = null;
            sessions.save(chat.key, chat.session);
            String text = texts.get(Stale.textKey(e.detail()));
            ui.answer(chat, text, true);
            ui.show(chat, text, null);
            return;
        }
        releaseHold(chat);
        chat.session.flow = null;
        sessions.save(chat.key, chat.session);
        audit.byPatient(chat.actor, chat.session.patientId, "appointment", flow.appointmentId,
                DataAccessed.Action.UPDATE, PURPOSE);
        String outcome = texts.get("action.rescheduled", "visit",
                visits.shortLine(moved.start(), catalog.doctor(moved.doctorId())));
        ui.answer(chat, null, false);
        ui.show(chat, outcome, null);
        if (flow.originMessageId != null && flow.originText != null) {
            ui.edit(chat, flow.originMessageId, flow.originText + "\n\n" + outcome, null);
        }
    }

    /** "✖️ Отмена" on the check screen. */
    public void abort(Chat chat) {
        releaseHold(chat);
        if (chat.session.flow != null) {
            chat.session.flow = null;
            sessions.save(chat.key, chat.session);
        }
        ui.answer(chat, null, false);
        ui.show(chat, texts.get("book.aborted"), null);
    }

    /** From the "no free slots" screen. */
    public void joinWaitlist(Chat chat) {
        Flow flow = chat.session.flow;
        if (flow == null || flow.kind != Flow.Kind.BOOK) {
            ui.show(chat, texts.get("book.expired"), null);
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Texts.CLINIC));
        LocalDate until = today.plusDays(config.bookingDays() - 1L);
        var entry = booking.joinWaitlist(new WaitlistJoin(chat.session.patientId,
                flow.doctorId == null ? flow.specialty : null, flow.doctorId, today, until));
        audit.byPatient(chat.actor, chat.session.patientId, "waitlist", entry.id(), DataAccessed.Action.CREATE,
                PURPOSE);
        String what = what(flow);
        chat.session.flow = null;
        sessions.save(chat.key, chat.session);
        ui.answer(chat, null, false);
        ui.show(chat, texts.get("waitlist.joined", "what", what, "until", Texts.dayMonth(until)), null);
    }

    private List<LocalDate> freeDays(Flow flow) {
        LocalDate today = LocalDate.now(clock.withZone(Texts.CLINIC));
        LocalDate last = today.plusDays(config.bookingDays() - 1L);
        Map<LocalDate, Long> byDay = booking.freeSlots(flow.specialty, flow.doctorId, today.toString(),
                last.toString()).stream()
                .filter(s -> s.start().toInstant().isAfter(clock.instant()))
                .collect(Collectors.groupingBy(s -> Texts.local(s.start()).toLocalDate(), TreeMap::new,
                        Collectors.counting()));
        return List.copyOf(byDay.keySet());
    }

    private String what(Flow flow) {
        if (flow.doctorId != null) {
            return Catalog.shortName(catalog.doctor(flow.doctorId).fullName());
        }
        return catalog.specialtyName(flow.specialty);
    }

    private String slotLabel(Slot slot, boolean byDoctor) {
        String time = Texts.time(Texts.local(slot.start()));
        return byDoctor || slot.doctorName() == null ? time : time + " · " + Catalog.shortName(slot.doctorName());
    }

    private void releaseHold(Chat chat) {
        Flow flow = chat.session.flow;
        if (flow == null || flow.heldSlot == null) {
            return;
        }
        try {
            booking.release(flow.heldSlot, holder(chat));
        } catch (RuntimeException e) {
            // The hold lapses by itself within minutes.
        }
        flow.heldSlot = null;
    }

    /** Holds are per chat; the chat key keeps the chat id out of Redis. */
    static String holder(Chat chat) {
        return "tg:" + chat.key;
    }
}
