package eu.vigie.local;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One embedded PostgreSQL server (a real one, no Docker) holding one database per service. */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static LocalPostgres start(int port, List<String> databases) throws IOException, SQLException {
        EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port).start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER USER postgres PASSWORD '" + PASSWORD + "'");
            for (String database : databases) {
                s.execute("CREATE DATABASE " + database);
            }
        }
        return new LocalPostgres(server);
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
