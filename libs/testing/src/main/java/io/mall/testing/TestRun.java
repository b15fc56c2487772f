package io.mall.testing;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names one test run so that it never sees another run's data in the servers that keep state
 * (Mongo, Redis, Kafka, and PostgreSQL databases left by a killed run).
 * One id per JVM: Maven runs each module's tests in a JVM of its own.
 */
public final class TestRun {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** e.g. {@code t20261124101530a1b2}: a sortable start time, then a random part. */
    public static final String ID = System.getProperty("mall.test.run-id",
            "t" + LocalDateTime.now().format(STAMP)
                    + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000)));

    private TestRun() {
    }
}
