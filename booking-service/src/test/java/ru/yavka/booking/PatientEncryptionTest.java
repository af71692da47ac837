package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Personal data at rest: ciphertext in the table, unreadable with a wrong key, findable by HMAC. */
@QuarkusTest
class PatientEncryptionTest {

    private static final String NAME = "Смирнова Ольга Викторовна";

    @Test
    void rawRowsHoldNoPlaintextAndAWrongKeyReadsNothing() throws SQLException {
        String phone = Fixtures.phone();
        String id = Fixtures.patient(NAME, phone);

        try (Connection c = connection();
             PreparedStatement raw = c.prepareStatement(
                     "select full_name, phone, birth_date, phone_hmac from patient where id = ?::uuid")) {
            raw.setString(1, id);
            try (ResultSet rs = raw.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String all = new String(rs.getBytes("full_name"), StandardCharsets.ISO_8859_1)
                        + new String(rs.getBytes("phone"), StandardCharsets.ISO_8859_1)
                        + new String(rs.getBytes("birth_date"), StandardCharsets.ISO_8859_1)
                        + rs.getString("phone_hmac");
                assertThat(all).doesNotContain(phone.substring(1)).doesNotContain("1985-04-12");
                assertThat(new String(rs.getBytes("full_name"), StandardCharsets.UTF_8)).doesNotContain("Смирнова");
            }
            try (PreparedStatement wrongKey = c.prepareStatement(
                    "select pgp_sym_decrypt(full_name, 'not-the-key') from patient where id = ?::uuid")) {
                wrongKey.setString(1, id);
                assertThatThrownBy(wrongKey::executeQuery).hasMessageContaining("Wrong key");
            }
            String key = ConfigProvider.getConfig().getValue("yavka.pii.key", String.class);
            try (PreparedStatement rightKey = c.prepareStatement(
                    "select pgp_sym_decrypt(full_name, ?), pgp_sym_decrypt(phone, ?) from patient where id = ?::uuid")) {
                rightKey.setString(1, key);
                rightKey.setString(2, key);
                rightKey.setString(3, id);
                try (ResultSet rs = rightKey.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(NAME);
                    assertThat(rs.getString(2)).isEqualTo(phone);
                }
            }
        }

        Fixtures.as("service").queryParam("phone", phone).get("/api/patients/lookup")
                .then().statusCode(200).body("id", equalTo(id)).body("fullName", equalTo(NAME));
    }

    @Test
    void theCipherIsAes256() throws SQLException {
        String id = Fixtures.patient();
        try (Connection c = connection();
             PreparedStatement s = c.prepareStatement(
                     "select pgp_sym_decrypt_bytea(full_name, ?, 'cipher-algo=aes256') is not null,"
                             + " get_byte(full_name, 3) from patient where id = ?::uuid")) {
            s.setString(1, ConfigProvider.getConfig().getValue("yavka.pii.key", String.class));
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
                // OpenPGP symmetric-key session packet (tag, length, version, cipher): 9 = AES-256, RFC 4880 9.2.
                assertThat(rs.getInt(2)).isEqualTo(9);
            }
        }
    }

    @Test
    void lookupByTelegramChatGoesThroughTheHmac() {
        String chat = String.valueOf(System.nanoTime());
        String id = Fixtures.as("service")
                .body(java.util.Map.of("fullName", NAME, "phone", Fixtures.phone(), "birthDate", "1990-01-31",
                        "telegramChatId", chat,
                        "consent", java.util.Map.of("given", true, "version", "2026-01", "channel", "TELEGRAM")))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        Fixtures.as("service").get("/api/patients/lookup?telegramChatId=" + chat)
                .then().statusCode(200).body("id", equalTo(id)).body("telegramChatId", equalTo(chat))
                .body("consent.channel", equalTo("TELEGRAM"));
    }

    @Test
    void anExistingPatientIsLinkedToTheirTelegramChat() {
        String phone = Fixtures.phone();
        String id = Fixtures.patient(NAME, phone);
        String chat = String.valueOf(System.nanoTime());
        java.util.Map<String, Object> link = java.util.Map.of("telegramChatId", chat,
                "consent", java.util.Map.of("given", true, "version", "2026-02", "channel", "TELEGRAM"));
        Fixtures.as("service").body(link).post("/api/patients/" + id + "/telegram")
                .then().statusCode(200).body("telegramChatId", equalTo(chat)).body("consent.version", equalTo("2026-02"));
        Fixtures.as("service").get("/api/patients/lookup?telegramChatId=" + chat).then().body("id", equalTo(id));
        String other = Fixtures.patient();
        Fixtures.as("service").body(link).post("/api/patients/" + other + "/telegram")
                .then().statusCode(409).body("field", equalTo("telegramChatId"));
    }

    private static Connection connection() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "postgres", "");
    }
}
