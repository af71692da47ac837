package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import ru.yavka.audit.repository.ChainRow;
import ru.yavka.audit.service.ChainHash;
import ru.yavka.audit.support.Api;
import ru.yavka.audit.support.Db;
import ru.yavka.audit.support.Events;
import ru.yavka.contracts.events.DataAccessed;

/**
 * A database superuser changes the log behind the application's back; verify names the record.
 * Each test puts the row back afterwards, so the shared chain is whole again for the others.
 */
@QuarkusTest
class TamperTest {

    @Test
    void theOwnerIsStoppedByTheTriggerButASuperuserCanSwitchItOff() throws Exception {
        long target = storedEvents().get(2);
        assertThatThrownBy(() -> Db.execute("update audit_record set actor = 'nobody' where seq = ?", target))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Db.execute("delete from audit_record where seq = ?", target))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        verify().body("intact", equalTo(true));
    }

    @Test
    void anAlteredRecordIsNamedExactly() throws Exception {
        long target = storedEvents().get(4);
        UUID eventId = eventIdAt(target);
        try (Connection superuser = withoutTriggers()) {
            String actor = actorAt(superuser, target);
            execute(superuser, "update audit_record set actor = 'nobody' where seq = " + target);
            try {
                verify().body("intact", equalTo(false))
                        .body("checked", equalTo((int) target))
                        .body("firstBroken.sequence", equalTo((int) target))
                        .body("firstBroken.eventId", equalTo(eventId.toString()))
                        .body("firstBroken.reason", containsString("altered"));
            } finally {
                try (PreparedStatement s = superuser.prepareStatement("update audit_record set actor = ? where seq = ?")) {
                    s.setString(1, actor);
                    s.setLong(2, target);
                    s.executeUpdate();
                }
            }
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void aTimeShiftedByAMicrosecondIsNamedToo() throws Exception {
        long target = storedEvents().get(1);
        try (Connection superuser = withoutTriggers()) {
            execute(superuser, "update audit_record set occurred_at = occurred_at + interval '1 microsecond'"
                    + " where seq = " + target);
            try {
                verify().body("intact", equalTo(false)).body("firstBroken.sequence", equalTo((int) target));
            } finally {
                execute(superuser, "update audit_record set occurred_at = occurred_at - interval '1 microsecond'"
                        + " where seq = " + target);
            }
        }
        verify().body("intact", equalTo(true));
    }

    @Test
    void aDeletedRecordIsDetectedAtTheGapItLeaves() throws Exception {
        long target = storedEvents().get(3);
        try (Connection superuser = withoutTriggers()) {
            execute(superuser, "create temp table kept as select * from audit_record where seq = " + target);
            execute(superuser, "delete from audit_record where seq = " + target);
            try {
                verify().body("intact", equalTo(false))
                        .body("firstBroken.sequence", equalTo((int) target + 1))
                        .body("firstBroken.eventId", equalTo(eventIdAt(target + 1).toString()))
                        .body("firstBroken.reason", containsString("missing"));
            } finally {
                execute(superuser, "insert into audit_record select * from kept");
            }
        }
        verify().body("intact", equalTo(true));
    }

    /**
     * A tamperer who knows the format re-computes the altered record's hash: the record now fits
     * its own hash, but the next record still points at the old one.
     */
    @Test
    void aRecordRehashedByTheTampererBreaksTheNextLink() throws Exception {
        long target = storedEvents().get(5);
        try (Connection superuser = withoutTriggers()) {
            ChainRow original = rowAt(superuser, target);
            ChainRow forged = new ChainRow(original.seq(), original.eventId(), original.occurredAt(), "nobody",
                    original.actorRole(), original.patientId(), original.recordType(), original.recordId(),
                    original.action(), original.purpose(), original.service(), original.storedAt(),
                    original.prevHash(), null);
            forged = forged.withHash(ChainHash.of(forged));
            try (PreparedStatement s = superuser.prepareStatement(
                    "update audit_record set actor = ?, hash = ? where seq = ?")) {
                s.setString(1, forged.actor());
                s.setString(2, forged.hash());
                s.setLong(3, target);
                s.executeUpdate();
            }
            try {
                verify().body("intact", equalTo(false))
                        .body("firstBroken.sequence", equalTo((int) target + 1))
                        .body("firstBroken.reason", containsString("does not match record " + target));
            } finally {
                try (PreparedStatement s = superuser.prepareStatement(
                        "update audit_record set actor = ?, hash = ? where seq = ?")) {
                    s.setString(1, original.actor());
                    s.setString(2, original.hash());
                    s.setLong(3, target);
                    s.executeUpdate();
                }
            }
        }
        verify().body("intact", equalTo(true));
    }

    /** Stores ten fresh events and returns their sequence numbers, in chain order. */
    private static List<Long> storedEvents() throws Exception {
        UUID patient = UUID.randomUUID();
        List<DataAccessed> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(Events.read(patient, "doctor-" + i + "@clinic", Instant.now()));
        }
        Set<UUID> ids = events.stream().map(e -> e.meta().eventId()).collect(Collectors.toSet());
        Events.send(events);
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.stored(ids) == ids.size());
        return Db.longs("select seq from audit_record where patient_id = ? order by seq", patient);
    }

    private static ValidatableResponse verify() {
        return Api.auditor().get("/api/audit/verify").then().statusCode(200);
    }

    /** A superuser session in which triggers do not fire: what a rogue DBA would use. */
    private static Connection withoutTriggers() throws SQLException {
        Connection c = Db.owner();
        execute(c, "set session_replication_role = replica");
        return c;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static UUID eventIdAt(long seq) throws SQLException {
        try (Connection c = Db.owner(); ResultSet rs = c.createStatement()
                .executeQuery("select event_id from audit_record where seq = " + seq)) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    private static String actorAt(Connection c, long seq) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("select actor from audit_record where seq = " + seq)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static ChainRow rowAt(Connection c, long seq) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("select * from audit_record where seq = " + seq)) {
            rs.next();
            return new ChainRow(rs.getLong("seq"), rs.getObject("event_id", UUID.class),
                    rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_role"),
                    rs.getObject("patient_id", UUID.class), rs.getString("record_type"), rs.getString("record_id"),
                    rs.getString("action"), rs.getString("purpose"), rs.getString("service"),
                    rs.getTimestamp("stored_at").toInstant(), rs.getString("prev_hash"), rs.getString("hash"));
        }
    }
}
