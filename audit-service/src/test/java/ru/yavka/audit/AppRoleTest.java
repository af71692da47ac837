package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import ru.yavka.audit.support.Db;
import ru.yavka.audit.support.Events;
import ru.yavka.contracts.events.DataAccessed;

/**
 * The role the application connects as may read and insert, nothing more; the triggers refuse
 * changes even to the owner. Both checked against the real database, with rows present (a
 * row trigger only fires for rows an UPDATE or DELETE actually touches).
 */
@QuarkusTest
class AppRoleTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    Pool appPool;

    @BeforeEach
    void someRecords() throws Exception {
        DataAccessed event = Events.read(UUID.randomUUID(), "registrar@clinic", Instant.now());
        Events.send(List.of(event));
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.stored(Set.of(event.meta().eventId())) == 1);
        Db.execute("insert into destruction_record (patient_id, data_categories, system_name, reason, destroyed_at,"
                + " recorded_at, recorded_by) values (?, '{phone}', 'booking-service', 'consent withdrawn', now(),"
                + " now(), 'test')", UUID.randomUUID());
    }

    @Test
    void theApplicationsRoleCanReadButNotChangeOrRemove() throws Exception {
        assertThat(Db.appRole()).isNotEqualTo("postgres");
        try (Connection app = Db.app()) {
            try (ResultSet rs = app.createStatement().executeQuery("select count(*) from audit_record")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isPositive();
            }
            for (String sql : List.of(
                    "update audit_record set actor = 'nobody'",
                    "delete from audit_record",
                    "truncate audit_record",
                    "update destruction_record set reason = 'none'",
                    "delete from destruction_record",
                    "truncate destruction_record",
                    "alter table audit_record disable trigger all",
                    "drop table audit_record")) {
                assertThatThrownBy(() -> execute(app, sql)).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                .as("%s: %s", sql, e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        }
        assertThat(privileges("audit_record")).containsExactlyInAnyOrder("SELECT", "INSERT");
        assertThat(privileges("destruction_record")).containsExactlyInAnyOrder("SELECT", "INSERT");
    }

    @Test
    void theApplicationsOwnPoolIsRefusedAnUpdate() {
        assertThatThrownBy(() -> appPool.query("update audit_record set actor = 'nobody'").execute()
                .await().atMost(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(PgException.class,
                        e -> assertThat(e.getSqlState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
        assertThatThrownBy(() -> appPool.query("delete from audit_record").execute()
                .await().atMost(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(PgException.class,
                        e -> assertThat(e.getSqlState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    @Test
    void evenTheOwnerIsStoppedByTheTriggers() {
        for (String sql : List.of(
                "update audit_record set actor = 'nobody'",
                "delete from audit_record",
                "truncate audit_record")) {
            assertThatThrownBy(() -> Db.execute(sql)).as(sql).hasMessageContaining("append-only");
        }
        for (String sql : List.of(
                "update destruction_record set reason = 'none'",
                "delete from destruction_record where destroyed_at > now() - interval '1 day'",
                "truncate destruction_record")) {
            assertThatThrownBy(() -> Db.execute(sql)).as(sql).hasMessageContaining("kept for 3 years");
        }
    }

    @Test
    void thePurgeFunctionNeverTakesAYoungRecordWhateverTheCutoff() throws Exception {
        long young = Db.count("select count(*) from destruction_record where destroyed_at > now() - interval '3 years'");
        try (Connection app = Db.app();
             ResultSet rs = app.createStatement()
                     .executeQuery("select purge_destruction_records(now() + interval '10 years')")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(Db.count("select count(*) from destruction_record where destroyed_at > now() - interval '3 years'"))
                .isEqualTo(young);
    }

    private static List<String> privileges(String table) throws SQLException {
        try (Connection c = Db.owner(); ResultSet rs = c.createStatement().executeQuery(
                "select p from unnest(array['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p"
                        + " where has_table_privilege('" + Db.appRole() + "', '" + table + "', p)")) {
            List<String> granted = new ArrayList<>();
            while (rs.next()) {
                granted.add(rs.getString(1));
            }
            return granted;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
