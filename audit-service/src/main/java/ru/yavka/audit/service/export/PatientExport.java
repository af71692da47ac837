package ru.yavka.audit.service.export;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import ru.yavka.audit.repository.AuditRecord;
import ru.yavka.audit.repository.DestructionRecord;
import ru.yavka.audit.repository.ResultPage;
import ru.yavka.audit.service.AuditLog;
import ru.yavka.audit.service.DestructionRecords;

/**
 * Everything Yavka holds about a patient, for their access request (152-FZ Art. 14): the
 * services' own records, read with the caller's token so each service logs the access under the
 * staff member's name, plus this service's log of accesses and destruction records. A service
 * that does not answer leaves its section unavailable and the export incomplete, never an error.
 */
@ApplicationScoped
public class PatientExport {

    public record Export(UUID patientId, Instant generatedAt, Section booking, Section reminders,
            List<AuditRecord> accesses, List<DestructionRecord> destructionRecords) {

        public boolean complete() {
            return booking.answered() && reminders.answered();
        }
    }

    /** Rows read per round trip from this service's own tables. */
    private static final int PAGE = 500;

    private final BookingRecords booking;
    private final ReminderRecords reminders;
    private final AuditLog log;
    private final DestructionRecords destructions;
    private final Clock clock;

    public PatientExport(BookingRecords booking, ReminderRecords reminders, AuditLog log,
            DestructionRecords destructions, Clock clock) {
        this.booking = booking;
        this.reminders = reminders;
        this.log = log;
        this.destructions = destructions;
        this.clock = clock;
    }

    public Uni<Export> of(UUID patientId, String bearer) {
        Instant generatedAt = clock.instant();
        // Own tables first, while the request's context is certainly the one the session needs.
        return all(page -> log.accessesTo(patientId, page, PAGE))
                .chain(accesses -> all(page -> destructions.list(patientId, page, PAGE))
                        .chain(destroyed -> booking.of(patientId, bearer)
                                .chain(bookingSection -> remindersFor(bookingSection, bearer)
                                        .map(reminderSection -> new Export(patientId, generatedAt, bookingSection,
                                                reminderSection, accesses, destroyed)))));
    }

    private Uni<Section> remindersFor(Section bookingSection, String bearer) {
        if (!bookingSection.answered()) {
            return Uni.createFrom().item(Section.unavailable(ReminderRecords.SERVICE + " is asked per appointment,"
                    + " and the appointments come from " + BookingRecords.SERVICE + ", which is unavailable"));
        }
        return reminders.of(ReminderRecords.appointmentIds(bookingSection), bearer);
    }

    private static <T> Uni<List<T>> all(IntFunction<Uni<ResultPage<T>>> pages) {
        return collect(pages, 0, new ArrayList<>());
    }

    private static <T> Uni<List<T>> collect(IntFunction<Uni<ResultPage<T>>> pages, int page, List<T> sofar) {
        return pages.apply(page).chain(result -> {
            sofar.addAll(result.items());
            return (long) (page + 1) * PAGE >= result.total() || result.items().isEmpty()
                    ? Uni.createFrom().item(sofar)
                    : collect(pages, page + 1, sofar);
        });
    }
}
