package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ru.yavka.contracts.testing.IsolatedStackResource;

/**
 * Mid-rotation: the service runs with the new key and still reads rows written under the old
 * one; re-encryption moves every row to the new key, after which the old key reads nothing.
 */
@QuarkusTest
@TestProfile(PiiKeyRotationTest.MidRotation.class)
class PiiKeyRotationTest {

    static final String OLD_KEY = "old-key-" + UUID.randomUUID();
    static final String NEW_KEY = "new-key-" + UUID.randomUUID();

    public static class MidRotation implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IsolatedStackResource.class,
                    Map.of("service", "booking_rotation", "pii-key", NEW_KEY, "pii-previous-key", OLD_KEY)));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void rowsUnderTheOldKeyStayReadableAndAreReencrypted() throws SQLException {
        String existing = Fixtures.patient("Старый Ключ Иванович", Fixtures.phone());
        try (Connection c = connection()) {
            // As if written before the rotation began.
            try (PreparedStatement s = c.prepareStatement("update patient set"
                    + " full_name = pgp_sym_encrypt('Старый Ключ Иванович', ?, 'cipher-algo=aes256'),"
                    + " phone = pgp_sym_encrypt(pgp_sym_decrypt(phone, ?), ?, 'cipher-algo=aes256'),"
                    + " birth_date = pgp_sym_encrypt('1985-04-12', ?, 'cipher-algo=aes256'), pii_key_id = 'old'"
                    + " where id = ?::uuid")) {
                s.setString(1, OLD_KEY);
                s.setString(2, NEW_KEY);
                s.setString(3, OLD_KEY);
                s.setString(4, OLD_KEY);
                s.setString(5, existing);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            Fixtures.as("registrar").get("/api/patients/" + existing)
                    .then().statusCode(200).body("fullName", equalTo("Старый Ключ Иванович"));

            Fixtures.as("admin").post("/api/admin/pii/re-encrypt")
                    .then().statusCode(200).body("reencrypted", equalTo(1)).body("remaining", equalTo(0));
            Fixtures.as("admin").post("/api/admin/pii/re-encrypt")
                    .then().statusCode(200).body("reencrypted", equalTo(0));

            assertThat(decrypt(c, existing, NEW_KEY)).isEqualTo("Старый Ключ Иванович");
            assertThatThrownBy(() -> decrypt(c, existing, OLD_KEY)).hasMessageContaining("Wrong key");
        }
        Fixtures.as("registrar").body(Map.of()).post("/api/admin/pii/re-encrypt").then().statusCode(403);
    }

    private static String decrypt(Connection c, String id, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select pgp_sym_decrypt(full_name, ?) from patient where id = ?::uuid")) {
            s.setString(1, key);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "");
    }
}
