package ru.yavka.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.yavka.reminder.client.BookingRejection;
import ru.yavka.reminder.service.BookingGateway;
import ru.yavka.reminder.service.NoShowOutcome.Kind;

/** How booking-service's refusals of a no-show are read (the bodies are booking-service's real wording). */
class BookingAnswersTest {

    static final UUID ID = UUID.randomUUID();

    static Kind classify(int status, String body) {
        return BookingGateway.classify(ID, new BookingRejection(status, body)).kind();
    }

    static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

    @Test
    void conflictsSayWhetherTheAppointmentIsAlreadyANoShow() {
        assertThat(classify(409, problem(409, "appointment " + ID + " is arrived (пришёл) and cannot be marked as a no-show")))
                .isEqualTo(Kind.NOT_APPLICABLE);
        assertThat(classify(409, problem(409, "appointment " + ID + " is cancelled (отменена) and cannot be marked as a no-show")))
                .isEqualTo(Kind.NOT_APPLICABLE);
        assertThat(classify(409, "{\"status\":409,\"appointmentStatus\":\"NO_SHOW\"}")).isEqualTo(Kind.ALREADY_NO_SHOW);
        assertThat(classify(409, problem(409, "appointment " + ID + " is no_show and cannot be marked as a no-show")))
                .isEqualTo(Kind.ALREADY_NO_SHOW);
        assertThat(classify(409, "not json at all")).isEqualTo(Kind.NOT_APPLICABLE);
    }

    @Test
    void otherRefusalsAreKeptForLater() {
        assertThat(classify(422, problem(422, "the visit has not started yet; it cannot be a no-show")))
                .isEqualTo(Kind.NOT_STARTED);
        assertThat(classify(404, problem(404, "appointment does not exist"))).isEqualTo(Kind.UNKNOWN_APPOINTMENT);
        assertThat(classify(401, "")).isEqualTo(Kind.RETRY_LATER);
        assertThat(classify(403, "")).isEqualTo(Kind.RETRY_LATER);
    }
}
