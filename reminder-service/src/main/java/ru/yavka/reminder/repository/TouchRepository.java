package ru.yavka.reminder.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Touch changes made by consumers. Status changes are conditional bulk updates
 * ({@code ... AND status = PLANNED}), never read-modify-write: a dispatcher may be sending
 * the same row at that moment, and PostgreSQL re-checks the condition after its commit.
 */
@ApplicationScoped
public class TouchRepository implements PanacheRepositoryBase<Touch, UUID> {

    /** The reason of a touch skipped because the appointment was confirmed. */
    public static final String CONFIRMATION_SKIP = "CONFIRMED";

    /** The reason of a touch cancelled because the patient's data was erased. */
    public static final String ERASURE = "erasure";

    static final String EMPTY_PARAMS = "{}";

    public Uni<List<Touch>> timeline(UUID appointmentId) {
        return list("appointmentId = ?1", Sort.by("dueAt").and("seq"), appointmentId);
    }

    /**
     * Every touch still to come, messages and the no-show check alike. A touch skipped only
     * because the patient confirmed counts as still to come here: a cancellation (or an
     * arrival) is the later, final word, whichever order the two events were applied in.
     */
    public Uni<Integer> closePlanned(UUID appointmentId, TouchStatus status, String reason) {
        return update("status = ?1, reason = ?2 where appointmentId = ?3"
                + " and (status = ?4 or (status = ?5 and reason = ?6))",
                status, reason, appointmentId, TouchStatus.PLANNED, TouchStatus.SKIPPED, CONFIRMATION_SKIP);
    }

    /** Planned messages that ask the patient to confirm. */
    public Uni<Integer> skipPlannedConfirmationAsks(UUID appointmentId, String reason) {
        return update("status = ?1, reason = ?2 where appointmentId = ?3 and status = ?4 and asksConfirmation = true",
                TouchStatus.SKIPPED, reason, appointmentId, TouchStatus.PLANNED);
    }

    /** The patient's data is being erased: nothing more goes out to them. */
    public Uni<Integer> cancelPlannedOfPatient(UUID patientId, String reason) {
        return update("status = ?1, reason = ?2 where patientId = ?3 and status = ?4",
                TouchStatus.CANCELLED, reason, patientId, TouchStatus.PLANNED);
    }

    /**
     * The params hold no name or phone, but tie the patient to a doctor, a specialty, an address
     * and a time: a visit, which is health data. The rows stay, without it, as the bare history.
     */
    public Uni<Integer> blankParamsOfPatient(UUID patientId) {
        return update("params = ?1 where patientId = ?2 and params <> ?1", EMPTY_PARAMS, patientId);
    }

    /** The touch a patient's answer at {@code answeredAt} responds to: the last message sent before it. */
    public Uni<Touch> lastSentBefore(UUID appointmentId, Instant answeredAt) {
        return find("appointmentId = ?1 and action = ?2 and status = ?3 and sentAt <= ?4",
                Sort.descending("sentAt"), appointmentId, TouchAction.MESSAGE, TouchStatus.SENT, answeredAt)
                .firstResult();
    }
}
