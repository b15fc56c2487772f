package io.mall.problem;

import java.net.ConnectException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a failure from a store client means for the caller, read from the failure's causes by
 * class name, so this library needs none of the store clients it recognises.
 */
final class StoreFailures {

    /** Connecting failed or timed out: the store is down or unreachable, and may be back shortly. */
    private static final Set<String> UNREACHABLE = Set.of(
            "io.netty.channel.ConnectTimeoutException",
            "io.vertx.core.net.ConnectTimeoutException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoSocketOpenException",
            "com.mongodb.MongoSocketReadException");

    /** A row changed between this request's read and its write (optimistic locking). */
    private static final Set<String> VERSION_CONFLICT = Set.of(
            "org.hibernate.StaleObjectStateException",
            "org.hibernate.StaleStateException",
            "jakarta.persistence.OptimisticLockException");

    private StoreFailures() {
    }

    static boolean isUnreachable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof ConnectException || UNREACHABLE.contains(cause.getClass().getName())
                || isClosedConnection(cause));
    }

    /** The store refuses writes because it is full (Redis over its maxmemory, nothing left to evict). */
    static boolean isFull(Throwable failure) {
        // as it is, or inside a script's error: "ERR ... OOM command not allowed when used memory > 'maxmemory'"
        return anyCause(failure, cause -> cause.getMessage() != null && cause.getMessage().contains("OOM command not allowed"));
    }

    static boolean isVersionConflict(Throwable failure) {
        return anyCause(failure, cause -> VERSION_CONFLICT.contains(cause.getClass().getName()));
    }

    /** Vert.x reports a connection the store dropped mid-request as a closed connection. */
    private static boolean isClosedConnection(Throwable cause) {
        String name = cause.getClass().getName();
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(java.util.Locale.ROOT);
        return (name.equals("io.vertx.core.VertxException") || name.equals("io.vertx.core.impl.NoStackTraceThrowable"))
                && message.contains("connection") && message.contains("closed");
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
