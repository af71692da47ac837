package ru.yavka.reminder.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Fresh databases per run on the local PostgreSQL, the service's own migrations, and bulk COPY loading. */
final class BenchDb {

    final String host;
    final String port;
    final String user;
    final String password;

    BenchDb(String host, String port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    void create(String database) throws SQLException {
        admin("CREATE DATABASE " + database);
    }

    void drop(String database) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The reminder schema exactly as the service creates it: its Flyway migrations. */
    void migrate(String database) {
        Flyway.configure().dataSource(jdbcUrl(database), user, password).locations("classpath:db/migration").load()
                .migrate();
    }

    /** Runs a SQL script shipped in a jar (statements split on ';', comment lines dropped). */
    static void runScript(Connection c, String resource) throws IOException, SQLException {
        String script;
        try (InputStream in = BenchDb.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        try (Statement s = c.createStatement()) {
            for (String statement : sql.toString().split(";")) {
                String trimmed = statement.trim();
                if (!trimmed.isEmpty() && !trimmed.equalsIgnoreCase("COMMIT")) {
                    s.execute(trimmed);
                }
            }
        }
    }

    /** A COPY ... FROM STDIN (FORMAT csv) fed row by row, flushed in chunks. */
    static final class Copy implements AutoCloseable {

        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(1 << 20);
        private long rows;

        Copy(Connection c, String table, String columns) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)");
        }

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                if (v instanceof byte[] bytes) {
                    buffer.append("\\x").append(HexFormat.of().formatHex(bytes));
                } else if (v instanceof Number || v instanceof Boolean) {
                    buffer.append(v);
                } else {
                    buffer.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
                }
            }
            buffer.append('\n');
            rows++;
            if (buffer.length() > (1 << 20)) {
                flush();
            }
        }

        private void flush() {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            buffer.setLength(0);
        }

        long rows() {
            return rows;
        }

        @Override
        public void close() throws SQLException {
            flush();
            copy.endCopy();
        }
    }

    static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var rs = c.getMetaData().getColumns(null, "public", table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }
}
