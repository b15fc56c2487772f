package io.mall.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A test run's database is dropped even while a session its service's role may not end is still
 * in it for a moment, as an autovacuum worker is.
 */
class PostgresTestDatabaseTest {

    @Test
    void aDatabaseIsDroppedOnceASessionOfAnotherRoleHasLeftIt() throws Exception {
        PostgresTestDatabase database = new PostgresTestDatabase("shipping");
        database.create();
        Connection otherRole = connect(database.name(), "mall_order");
        CompletableFuture<Void> leaves = CompletableFuture.runAsync(() -> closeQuietly(otherRole),
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));

        database.drop();

        assertThat(leaves).isDone();
        assertThat(exists(database.name())).isFalse();
    }

    private static boolean exists(String database) throws SQLException {
        try (Connection connection = connect("mall_shipping", "mall_shipping"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            return rows.next();
        }
    }

    private static Connection connect(String database, String role) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", role);
        credentials.setProperty("password", role);
        return new org.postgresql.Driver().connect(
                "jdbc:postgresql://" + LocalServer.HOST + ":" + LocalServer.POSTGRES.port() + "/" + database, credentials);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the drop test asserts the outcome
        }
    }
}
