package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.yavka.audit.repository.ChainRow;
import ru.yavka.audit.service.ChainHash;

/**
 * The canonical form is a published format (an auditor may re-verify a copy of the table with
 * their own tools), so it is pinned here against a hash computed outside Java.
 */
class ChainHashTest {

    private static final ChainRow ROW = new ChainRow(7, UUID.fromString("0f8e2c4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"),
            Instant.parse("2026-12-03T09:15:00.123456789Z"), "Иванова А.П.", "doctor",
            UUID.fromString("11111111-2222-4333-8444-555555555555"), "patient", "11111111-2222-4333-8444-555555555555",
            "READ", "medical-care", "booking-service", Instant.parse("2026-12-03T09:15:01Z"), "0".repeat(64), null);

    @Test
    void theHashIsSha256OverThePublishedForm() {
        assertThat(ChainHash.of(ROW)).isEqualTo(EXPECTED);
    }

    @Test
    void nullEmptyAndADashAreThreeDifferentValues() {
        String absent = ChainHash.of(withActor(null));
        String empty = ChainHash.of(withActor(""));
        String dash = ChainHash.of(withActor("-"));
        assertThat(absent).isNotEqualTo(empty).isNotEqualTo(dash);
        assertThat(empty).isNotEqualTo(dash);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        ChainRow a = new ChainRow(1, ROW.eventId(), ROW.occurredAt(), "ab", "c", null, null, null, null, null, null,
                ROW.storedAt(), ROW.prevHash(), null);
        ChainRow b = new ChainRow(1, ROW.eventId(), ROW.occurredAt(), "a", "bc", null, null, null, null, null, null,
                ROW.storedAt(), ROW.prevHash(), null);
        assertThat(ChainHash.of(a)).isNotEqualTo(ChainHash.of(b));
    }

    @Test
    void timesCountToTheMicrosecondPostgresKeeps() {
        ChainRow nanos = withOccurredAt(Instant.parse("2026-12-03T09:15:00.123456999Z"));
        ChainRow micros = withOccurredAt(Instant.parse("2026-12-03T09:15:00.123456Z"));
        ChainRow nextMicro = withOccurredAt(Instant.parse("2026-12-03T09:15:00.123457Z"));
        assertThat(ChainHash.of(nanos)).isEqualTo(ChainHash.of(micros)).isNotEqualTo(ChainHash.of(nextMicro));
    }

    private static ChainRow withActor(String actor) {
        return new ChainRow(ROW.seq(), ROW.eventId(), ROW.occurredAt(), actor, ROW.actorRole(), ROW.patientId(),
                ROW.recordType(), ROW.recordId(), ROW.action(), ROW.purpose(), ROW.service(), ROW.storedAt(),
                ROW.prevHash(), null);
    }

    private static ChainRow withOccurredAt(Instant at) {
        return new ChainRow(ROW.seq(), ROW.eventId(), at, ROW.actor(), ROW.actorRole(), ROW.patientId(),
                ROW.recordType(), ROW.recordId(), ROW.action(), ROW.purpose(), ROW.service(), ROW.storedAt(),
                ROW.prevHash(), null);
    }

    /** Python: hashlib.sha256(form.encode()).hexdigest(), the form written out from the javadoc. */
    private static final String EXPECTED = "3f54b75c1632f977197903ec1e60255586268b14b63f052aac246af4a331fac6";
}
