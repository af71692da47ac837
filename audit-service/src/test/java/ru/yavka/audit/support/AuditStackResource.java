package ru.yavka.audit.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import ru.yavka.contracts.testing.IsolatedStackResource;
import ru.yavka.contracts.testing.TestRun;

/**
 * {@link IsolatedStackResource} (the run's own database, topics, groups and keys), plus what
 * production has and the shared resource does not: the application connects as a role of its
 * own that may only read and insert, while Flyway migrates as the owner (postgres here).
 * The role is made for this run, with a random password, and dropped afterwards.
 */
public class AuditStackResource implements QuarkusTestResourceLifecycleManager {

    private final IsolatedStackResource stack = new IsolatedStackResource();
    private String role;
    private String adminUrl;
    private String owner;
    private String ownerPassword;

    @Override
    public void init(Map<String, String> initArgs) {
        stack.init(initArgs);
        role = ("yt_" + TestRun.id() + "_" + initArgs.getOrDefault("service", "audit") + "_app").replace('-', '_');
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(stack.start());
        adminUrl = config.get("quarkus.datasource.jdbc.url");
        owner = config.get("quarkus.datasource.username");
        ownerPassword = config.get("quarkus.datasource.password");
        String password = UUID.randomUUID().toString();
        execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");

        config.put("quarkus.flyway.username", owner);
        // Quarkus gives Flyway its own connection only when both user and password are set; the
        // local postgres logs in by trust, so any password does when the run has none.
        config.put("quarkus.flyway.password",
                ownerPassword == null || ownerPassword.isEmpty() ? "trust-auth" : ownerPassword);
        config.put("quarkus.flyway.placeholders.app_role", role);
        config.put("quarkus.datasource.username", role);
        config.put("quarkus.datasource.password", password);
        return config;
    }

    @Override
    public void stop() {
        stack.stop();
        try {
            execute("DROP ROLE IF EXISTS " + role, "postgres");
        } catch (IllegalStateException e) {
            // The database was kept (YAVKA_KEEP_TEST_DB), and its grants keep the role.
            System.err.println("kept role " + role + ": " + e.getMessage());
        }
    }

    private void execute(String sql) {
        execute(sql, null);
    }

    private void execute(String sql, String database) {
        String url = database == null ? adminUrl : adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}
