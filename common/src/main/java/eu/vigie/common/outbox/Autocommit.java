package eu.vigie.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * One statement on a connection of its own, committed when it returns, outside any transaction: the relay's claim
 * and its record of each attempt, and each batch of the retention sweep.
 */
final class Autocommit {

    @FunctionalInterface
    interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private Autocommit() {
    }

    static <T> T run(DataSource dataSource, String sql, StatementWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            T result = work.run(statement);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return result;
        }
    }
}
