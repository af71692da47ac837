package ru.yavka.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.testing.IsolatedStackResource;
import ru.yavka.contracts.testing.TestTokens;
import ru.yavka.telegram.config.PiiConfig;
import ru.yavka.telegram.repository.ChatLinks;
import ru.yavka.telegram.repository.Db;
import ru.yavka.telegram.repository.OutboxEvents;
import ru.yavka.telegram.repository.OutgoingQueue;
import ru.yavka.telegram.repository.OutgoingQueue.Claimed;
import ru.yavka.telegram.repository.OutgoingQueue.Item;
import ru.yavka.telegram.service.AuditTrail;

/**
 * Mid-rotation, as in booking-service's PiiKeyRotationTest: the gateway runs with the new key and
 * still reads chat ids and queued messages written under the old one; re-encryption moves every
 * row to the new key (a row another transaction holds waits for the next call), after which the
 * gateway reads everything with the old key gone.
 */
@QuarkusTest
@TestProfile(PiiKeyRotationTest.MidRotation.class)
class PiiKeyRotationTest {

    static final String REENCRYPT = "/api/admin/pii/re-encrypt";

    /**
     * The run's own stack, with the new key current and the old one previous. No bot token: no
     * sender claims the queue behind the test's back.
     */
    public static class MidRotation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("yavka.telegram.token", "");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IsolatedStackResource.class, Map.of("service", "telegram_rotation",
                    "pii-key", "new-key-" + UUID.randomUUID(), "pii-previous-key", "old-key-" + UUID.randomUUID())));
        }
    }

    @Inject
    ChatLinks links;
    @Inject
    OutgoingQueue queue;
    @Inject
    Db db;
    @Inject
    OutboxEvents outbox;
    @Inject
    AuditTrail audit;
    // Read back from the configuration rather than shared statics: these are the keys the app has.
    @ConfigProperty(name = "yavka.pii.key")
    String newKey;
    @ConfigProperty(name = "yavka.pii.previous-key")
    String oldKey;

    @Test
    void rowsUnderTheOldKeyStayReadableAndAreReencrypted() throws SQLException {
        UUID before = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        long beforeChat = chatId();
        long heldChat = chatId();
        long afterChat = chatId();
        try (Connection c = connection()) {
            // As if written before the rotation began: one link from before key fingerprints
            // existed (none recorded), one labelled with the old key's, and a queued message.
            linkUnder(c, oldKey, null, before, beforeChat);
            linkUnder(c, oldKey, fingerprint(oldKey), held, heldChat);
            queueUnder(c, oldKey, "rotation:before", before, "{\"text\":\"до ротации\"}");
            // Delivered: its content is gone, so no key matters for it.
            execute(c, """
                    INSERT INTO outgoing_message (idempotency_key, kind, patient_id, status, next_attempt_at,
                                                  created_at, finished_at)
                    VALUES ('rotation:delivered', 'REMINDER', ?, 'SENT', now(), now(), now())""", before);
        }
        // Written mid-rotation: under the new key, labelled with its fingerprint (booking's definition).
        Instant now = Instant.now();
        links.link(after, "rotation-" + after, afterChat, "2026-01", now);
        queue.enqueue(List.of(new Item("rotation:after", "REMINDER", after, "{\"text\":\"после\"}")),
                item -> audit.event(AuditTrail.SERVICE, "service", item.patientId(), "telegram-message",
                        item.idempotencyKey(), DataAccessed.Action.CREATE, "reminder"), now);
        try (Connection c = connection()) {
            assertThat(text(c, "SELECT pii_key_id FROM chat_link WHERE patient_id = ?", after))
                    .isEqualTo(fingerprint(newKey));
            assertThat(text(c, "SELECT pii_key_id FROM outgoing_message WHERE idempotency_key = ?", "rotation:after"))
                    .isEqualTo(fingerprint(newKey));
        }

        // Every read accepts both keys meanwhile...
        assertThat(links.chatOf(before)).contains(beforeChat);
        assertThat(links.chatOf(held)).contains(heldChat);
        assertThat(links.chatOf(after)).contains(afterChat);
        assertThat(queue.claim(Instant.now(), 10, Duration.ofMinutes(1))).extracting(Claimed::payload)
                .containsExactlyInAnyOrder("{\"text\":\"до ротации\"}", "{\"text\":\"после\"}");
        // ...and without the old key the rows written under it could not be read.
        ChatLinks newKeyOnly = new ChatLinks(db, keys(newKey));
        assertThatThrownBy(() -> newKeyOnly.chatOf(before)).hasStackTraceContaining("Wrong key");

        try (Connection holder = connection()) {
            // A transaction (a dialog relinking the chat, say) holds one link: it is skipped, not waited for.
            holder.setAutoCommit(false);
            text(holder, "SELECT patient_id::text FROM chat_link WHERE patient_id = ? FOR UPDATE", held);
            as("admin").post(REENCRYPT).then().statusCode(200)
                    .body("reencrypted", equalTo(2)).body("remaining", equalTo(1));
            holder.commit();
        }
        as("admin").post(REENCRYPT).then().statusCode(200)
                .body("reencrypted", equalTo(1)).body("remaining", equalTo(0));
        as("admin").post(REENCRYPT).then().statusCode(200)
                .body("reencrypted", equalTo(0)).body("remaining", equalTo(0));

        try (Connection c = connection()) {
            assertThat(text(c, "SELECT count(*)::text FROM chat_link WHERE pii_key_id IS DISTINCT FROM ?",
                    fingerprint(newKey))).isEqualTo("0");
            assertThat(text(c, """
                    SELECT count(*)::text FROM outgoing_message
                    WHERE payload_enc IS NOT NULL AND pii_key_id IS DISTINCT FROM ?""", fingerprint(newKey)))
                    .isEqualTo("0");
            assertThat(text(c, "SELECT pgp_sym_decrypt(chat_id_enc, ?) FROM chat_link WHERE patient_id = ?",
                    newKey, before)).isEqualTo(Long.toString(beforeChat));
            assertThat(text(c, "SELECT pgp_sym_decrypt(payload_enc, ?) FROM outgoing_message WHERE idempotency_key = ?",
                    newKey, "rotation:before")).isEqualTo("{\"text\":\"до ротации\"}");
            assertThatThrownBy(() -> text(c,
                    "SELECT pgp_sym_decrypt(chat_id_enc, ?) FROM chat_link WHERE patient_id = ?", oldKey, held))
                    .hasMessageContaining("Wrong key");
        }

        // The old key dropped: the gateway as it runs after the rotation reads every row.
        ChatLinks linksAfter = new ChatLinks(db, keys(newKey));
        OutgoingQueue queueAfter = new OutgoingQueue(db, outbox, keys(newKey));
        assertThat(linksAfter.chatOf(before)).contains(beforeChat);
        assertThat(linksAfter.chatOf(held)).contains(heldChat);
        assertThat(linksAfter.chatOf(after)).contains(afterChat);
        // Both messages were claimed above; once their leases run out they are claimed again.
        assertThat(queueAfter.claim(Instant.now().plus(Duration.ofMinutes(2)), 10, Duration.ofMinutes(1)))
                .extracting(Claimed::payload)
                .containsExactlyInAnyOrder("{\"text\":\"до ротации\"}", "{\"text\":\"после\"}");
    }

    @Test
    void aRowUnderAnUnknownKeyStopsReencryptionWithAProblem() throws SQLException {
        UUID patient = UUID.randomUUID();
        String otherKey = "other-key-" + UUID.randomUUID();
        try (Connection c = connection()) {
            linkUnder(c, otherKey, fingerprint(otherKey), patient, chatId());
            try {
                as("admin").post(REENCRYPT).then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("type", endsWith("/pii-key-mismatch"))
                        .body("detail", containsString("neither the current nor the previous"))
                        .body("detail", not(containsString(otherKey)))
                        .body("detail", not(containsString(newKey)))
                        .body("detail", not(containsString(oldKey)));
            } finally {
                execute(c, "DELETE FROM chat_link WHERE patient_id = ?", patient);
            }
        }
    }

    @Test
    void onlyAdminsMayReencrypt() {
        given().post(REENCRYPT).then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        as("registrar").post(REENCRYPT).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        given().header("Authorization", "Bearer not-a-token").post(REENCRYPT).then().statusCode(401)
                .contentType("application/problem+json");
    }

    private static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role));
    }

    /** booking-service's pii_key_id, computed here apart from the gateway's own code. */
    private static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("yavka-pii-key-id:" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of the gateway once the rotation is over: the new one alone. */
    private static PiiConfig keys(String key) {
        return new PiiConfig() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Optional<String> previousKey() {
                return Optional.empty();
            }

            @Override
            public String hmacKey() {
                return "unused-here";
            }
        };
    }

    private static long chatId() {
        return 3_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    private static void linkUnder(Connection c, String key, String keyId, UUID patient, long chat) throws SQLException {
        execute(c, """
                INSERT INTO chat_link (patient_id, chat_key, chat_id_enc, pii_key_id, consent_version, linked_at)
                VALUES (?, ?, pgp_sym_encrypt(?, ?, 'cipher-algo=aes256'), ?, '2026-01', now())""",
                patient, "rotation-" + patient, Long.toString(chat), key, keyId);
    }

    private static void queueUnder(Connection c, String key, String idempotencyKey, UUID patient, String payload)
            throws SQLException {
        execute(c, """
                INSERT INTO outgoing_message (idempotency_key, kind, patient_id, payload_enc, status, next_attempt_at,
                                              created_at)
                VALUES (?, 'REMINDER', ?, pgp_sym_encrypt(?, ?, 'cipher-algo=aes256'), 'PENDING',
                        now() - interval '1 minute', now())""", idempotencyKey, patient, payload, key);
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            s.executeUpdate();
        }
    }

    private static String text(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as("a row for %s", sql).isTrue();
            return rs.getString(1);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }

    private static Connection connection() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
