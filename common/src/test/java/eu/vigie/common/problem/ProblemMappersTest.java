package eu.vigie.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    /** The SQLException Agroal raises when no pooled connection comes free in time. */
    private static SQLException poolTimeout() {
        SQLException e = new SQLException("Sorry, acquisition timeout!");
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", "ConnectionPool.java", 1),
                new StackTraceElement("io.agroal.pool.DataSource", "getConnection", "DataSource.java", 1) });
        return e;
    }

    private static void assertUnavailable(Response answer) {
        assertEquals(503, answer.getStatus());
        assertEquals(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS), answer.getHeaderString(HttpHeaders.RETRY_AFTER));
        Problem problem = (Problem) answer.getEntity();
        assertEquals("Service unavailable", problem.title());
        assertEquals(503, problem.status());
    }

    @Test
    void noPooledConnectionInTimeIsAnswered503WithRetryAfter() {
        assertUnavailable(mappers.unexpected(
                new GenericJDBCException("Unable to acquire JDBC Connection", poolTimeout()), null));
    }

    @Test
    void anUnreachableDatabaseIsAnswered503WithRetryAfter() {
        assertUnavailable(mappers.unexpected(new JDBCConnectionException("An I/O error occurred while sending to the "
                + "backend", new SQLException("I/O error", "08006")), null));
        assertUnavailable(mappers.unexpected(new IllegalStateException("wrapped",
                new SQLException("connection refused", "08001")), null));
    }

    @Test
    void otherDatabaseErrorsStayInternalErrors() {
        Response answer = mappers.unexpected(new GenericJDBCException("could not execute statement",
                new SQLException("division by zero", "22012")), null);
        assertEquals(500, answer.getStatus());
        assertNull(answer.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertEquals("Internal error", ((Problem) answer.getEntity()).title());
        assertEquals(500, mappers.unexpected(new SQLException("not from the pool"), null).getStatus());
    }
}
