package eu.vigie.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.local.LocalPostgres;
import eu.vigie.local.Suite;

/**
 * The suite's PostgreSQL commits to disk before it answers, as an operator's would: a service's 201 means the record
 * survives a crash of the machine, and the benchmarks run against the suite measure durable writes. (The embedded
 * server's library defaults, meant for throw-away test databases, turn fsync and synchronous_commit off.)
 */
@ExtendWith(SuiteExtension.class)
class DurableDatabaseTest {

    @Test
    void theSuitesDatabaseWaitsForTheDiskOnEveryCommit() throws Exception {
        Suite suite = SuiteExtension.suite();
        try (Connection c = DriverManager.getConnection(suite.postgres().jdbcUrl("ingest"), LocalPostgres.USER,
                LocalPostgres.PASSWORD); Statement s = c.createStatement()) {
            assertEquals("on", setting(s, "fsync"));
            assertEquals("on", setting(s, "synchronous_commit"));
            assertEquals("on", setting(s, "full_page_writes"));
        }
    }

    private static String setting(Statement s, String name) throws Exception {
        try (ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }
}
