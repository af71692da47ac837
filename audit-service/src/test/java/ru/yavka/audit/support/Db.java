package ru.yavka.audit.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC to the run's database: as the owner (a superuser here), or as the application's role. */
public final class Db {

    private Db() {
    }

    public static Connection owner() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(url(), config.getValue("quarkus.flyway.username", String.class),
                config.getOptionalValue("quarkus.flyway.password", String.class).orElse(""));
    }

    public static Connection app() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(url(), config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    public static String appRole() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    public static long count(String sql, Object... params) throws SQLException {
        try (Connection c = owner(); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many records of these events are stored. */
    public static long stored(Collection<UUID> eventIds) throws SQLException {
        return count("select count(*) from audit_record where event_id = any(?)", (Object) eventIds.toArray(UUID[]::new));
    }

    public static List<Long> longs(String sql, Object... params) throws SQLException {
        try (Connection c = owner(); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        }
    }

    public static void execute(String sql, Object... params) throws SQLException {
        try (Connection c = owner(); PreparedStatement s = prepare(c, sql, params)) {
            s.execute();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof UUID[] ids) {
                s.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else {
                s.setObject(i + 1, params[i]);
            }
        }
        return s;
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }
}
