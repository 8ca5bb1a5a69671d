package eu.vigie.testing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for {@code @QuarkusTest}s, started once per test JVM, unless a JDBC URL
 * is configured already. Each test profile gets a fresh database, so tests of one service cannot
 * see another run's rows.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;
    private static int databases;

    @Override
    public synchronized Map<String, String> start() {
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return Map.of();
        }
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            String database = "test_" + (++databases);
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", database),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Embedded PostgreSQL could not start", e);
        }
    }

    @Override
    public void stop() {
        // The server is shared by every test class of this JVM and stops with it.
    }

    /** Runs one SQL query against the current test database and returns the first column of the first row. */
    public static Object queryOne(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }
}
