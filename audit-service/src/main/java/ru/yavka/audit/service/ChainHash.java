package ru.yavka.audit.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import ru.yavka.audit.repository.ChainRow;

/**
 * The hash that binds a record to the one before it: lowercase hex SHA-256 over the UTF-8 bytes
 * of the record's canonical form. The form is meant to be re-computable by anyone holding a
 * copy of the table, in any language:
 *
 * <pre>
 * yavka-audit-record/v1\n
 * then each field in this order, each followed by \n:
 *   seq, event_id, occurred_at, actor, actor_role, patient_id, record_type, record_id,
 *   action, purpose, service, stored_at, prev_hash
 * a field is "-" when null, otherwise &lt;UTF-8 byte length&gt;:&lt;value&gt;
 * times are UTC with exactly six fractional digits (PostgreSQL keeps microseconds),
 * e.g. 2026-12-03T09:15:00.123456Z; uuids are lowercase.
 * </pre>
 *
 * The length prefix keeps field boundaries unambiguous whatever a value contains; prev_hash
 * last is what makes it a chain.
 */
public final class ChainHash {

    static final String FORMAT = "yavka-audit-record/v1";

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    public static String of(ChainRow row) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(row).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The instant as PostgreSQL will keep it, so a stored record hashes as it did when linked. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String canonical(ChainRow row) {
        StringBuilder form = new StringBuilder(256).append(FORMAT).append('\n');
        field(form, Long.toString(row.seq()));
        field(form, text(row.eventId()));
        field(form, time(row.occurredAt()));
        field(form, row.actor());
        field(form, row.actorRole());
        field(form, text(row.patientId()));
        field(form, row.recordType());
        field(form, row.recordId());
        field(form, row.action());
        field(form, row.purpose());
        field(form, row.service());
        field(form, time(row.storedAt()));
        field(form, row.prevHash());
        return form.toString();
    }

    private static void field(StringBuilder form, String value) {
        if (value == null) {
            form.append('-');
        } else {
            form.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        form.append('\n');
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? null : MICROS.format(stored(instant));
    }
}
