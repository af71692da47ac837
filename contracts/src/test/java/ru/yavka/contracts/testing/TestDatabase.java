package ru.yavka.contracts.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh PostgreSQL database per test run and service, on the local server. */
public final class TestDatabase {

    private final String name;
    private final String host;
    private final String port;
    private final String user;
    private final String password;

    private TestDatabase(String name) {
        this.name = name;
        this.host = TestRun.env("YAVKA_PG_HOST", "127.0.0.1");
        this.port = TestRun.env("YAVKA_PG_PORT", "5432");
        this.user = TestRun.env("YAVKA_PG_USER", "postgres");
        this.password = TestRun.env("YAVKA_PG_PASSWORD", "");
    }

    public static TestDatabase create(String service) {
        TestDatabase db = new TestDatabase(("yt_" + TestRun.id() + "_" + service).replace('-', '_'));
        db.execute("CREATE DATABASE " + db.name);
        return db;
    }

    public void drop() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private void execute(String sql) {
        String adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused '" + sql
                    + "': " + e.getMessage() + " (is the local stack up? ./clinic test starts it)", e);
        }
    }
}
