package ru.yavka.reminder.service;

/** How booking-service answered a no-show request, as the checker needs to act on it. */
public record NoShowOutcome(Kind kind, String detail) {

    public enum Kind {
        /** 200: the appointment is NO_SHOW now, by this call. */
        MARKED,
        /** 409 naming NO_SHOW: done before (perhaps by an earlier attempt of ours whose commit was lost). */
        ALREADY_NO_SHOW,
        /** 409 for ARRIVED, COMPLETED, CANCELLED or RESCHEDULED: nothing to do. */
        NOT_APPLICABLE,
        /** 404: booking-service does not know the appointment. */
        UNKNOWN_APPOINTMENT,
        /** 422: by booking-service's clock the visit has not started; ask again later. */
        NOT_STARTED,
        /** Down, timed out, circuit open, or a refusal such as 401/403: ask again later, never drop. */
        RETRY_LATER
    }

    public static NoShowOutcome of(Kind kind, String detail) {
        return new NoShowOutcome(kind, detail);
    }

    public boolean isNoShow() {
        return kind == Kind.MARKED || kind == Kind.ALREADY_NO_SHOW;
    }
}
