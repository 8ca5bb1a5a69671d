package eu.vigie.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server (a real one, no Docker) holding one database per service. The
 * server can be stopped and started again on the same port and data directory, as an operator's
 * database restart would be (the end-to-end suite uses it to prove the services recover).
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    /** System property: {@code -Dvigie.local.pg-stat-statements=true} loads pg_stat_statements. */
    public static final String STATEMENT_STATISTICS = "vigie.local.pg-stat-statements";

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres server;

    private LocalPostgres(int port, Path dataDirectory, EmbeddedPostgres server) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.server = server;
    }

    public static LocalPostgres start(int port, List<String> databases) throws IOException, SQLException {
        Path dataDirectory = Files.createTempDirectory("vigie-local-pg-");
        EmbeddedPostgres server = open(port, dataDirectory);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER USER postgres PASSWORD '" + PASSWORD + "'");
            for (String database : databases) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException | RuntimeException e) {
            server.close();
            deleteRecursively(dataDirectory);
            throw e;
        }
        return new LocalPostgres(port, dataDirectory, server);
    }

    private static EmbeddedPostgres open(int port, Path dataDirectory) throws IOException {
        // The data directory is ours: kept across a stop and start, deleted when the suite closes. The library's
        // defaults are for throw-away test databases (fsync and synchronous_commit off): the suite runs PostgreSQL as
        // an operator would, so that a commit is on disk when a service answers, and benchmarks measure that.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
            // For benchmarks: every statement's calls and time (lock waits included) in pg_stat_statements,
            // once "CREATE EXTENSION pg_stat_statements" has been run in one database
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        return builder.start();
    }

    /** Stops the server (a fast shutdown: connections are cut) and keeps its data. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again on the same port with the same data. */
    public synchronized void restart() throws IOException {
        if (server == null) {
            server = open(port, dataDirectory);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            stop();
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
