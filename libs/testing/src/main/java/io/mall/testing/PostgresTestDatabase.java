package io.mall.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database for one test run of one service, created under the service's own role
 * (which the local set-up grants CREATEDB) and dropped when the run ends.
 * Databases that killed runs left behind are dropped once they are a few hours old.
 */
final class PostgresTestDatabase {

    private static final long STALE_AFTER_HOURS = 3;

    private static final java.time.Duration DROP_PATIENCE = java.time.Duration.ofSeconds(30);

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> CREATED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final String service;
    private final String name;

    PostgresTestDatabase(String service) {
        this.service = service;
        // a second database of one service in one run (two user service processes) gets a number
        int nth = CREATED.computeIfAbsent(service, any -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        this.name = "mall_" + service + "_" + TestRun.ID + (nth == 1 ? "" : "_" + nth);
    }

    String name() {
        return name;
    }

    /** The service's role; the password equals the role name on development machines only. */
    String role() {
        return "mall_" + service;
    }

    String password() {
        return role();
    }

    void create() {
        execute(List.of("CREATE DATABASE " + name));
        dropStale();
    }

    /**
     * Drops the database and ends the sessions still in it. An autovacuum worker in it is a
     * session the service's role may not end (PostgreSQL 15 refuses with insufficient_privilege),
     * and it finishes within moments on a test database, so the drop is tried again meanwhile.
     */
    void drop() {
        long giveUpAt = System.nanoTime() + DROP_PATIENCE.toNanos();
        while (!dropped(name)) {
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("PostgreSQL as " + role() + " could not drop " + name + " in "
                        + DROP_PATIENCE.toSeconds() + " s: a session it may not end stayed in it");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dropping " + name, e);
            }
        }
    }

    /** A stale database an autovacuum worker is busy in is left for the next run to drop. */
    private void dropStale() {
        LocalDateTime staleBefore = LocalDateTime.now().minusHours(STALE_AFTER_HOURS);
        for (String database : query("SELECT datname FROM pg_database WHERE datname LIKE '" + role() + "\\_t%'")) {
            LocalDateTime started = startOf(database);
            if (started != null && started.isBefore(staleBefore)) {
                dropped(database);
            }
        }
    }

    /** Drops a database with the sessions in it; false when one of them is not this role's to end. */
    private boolean dropped(String database) {
        String sql = "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)";
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return true;
        } catch (SQLException e) {
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                return false;
            }
            throw failure(sql, e);
        }
    }

    private LocalDateTime startOf(String database) {
        String runId = database.substring(role().length() + 1);
        if (runId.length() < 15) {
            return null;
        }
        try {
            return LocalDateTime.parse(runId.substring(1, 15), TestRun.STAMP);
        } catch (DateTimeParseException notOurs) {
            return null;
        }
    }

    private List<String> query(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    private void execute(List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw failure(statements.toString(), e);
        }
    }

    private Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + LocalServer.HOST + ":" + LocalServer.POSTGRES.port() + "/" + role();
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", role());
        credentials.setProperty("password", password());
        // the driver itself, not DriverManager: a restarted Quarkus test application loads classes
        // anew, and DriverManager refuses a driver registered by another class loader
        return new org.postgresql.Driver().connect(url, credentials);
    }

    private IllegalStateException failure(String sql, SQLException e) {
        return new IllegalStateException("PostgreSQL as " + role() + " failed on " + sql + ": " + e.getMessage()
                + " (is the local set-up done? run ./mall test or infra/local/servers.sh up postgres)", e);
    }
}
