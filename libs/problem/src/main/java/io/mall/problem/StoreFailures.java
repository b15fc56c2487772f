package io.mall.problem;

import java.net.ConnectException;
import java.util.Set;

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
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof ConnectException || UNREACHABLE.contains(cause.getClass().getName())
                    || isClosedConnection(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The store refuses writes because it is full (Redis over its maxmemory, nothing left to evict). */
    static boolean isFull(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            // as it is, or inside a script's error: "ERR ... OOM command not allowed when used memory > 'maxmemory'"
            if (cause.getMessage() != null && cause.getMessage().contains("OOM command not allowed")) {
                return true;
            }
        }
        return false;
    }

    static boolean isVersionConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (VERSION_CONFLICT.contains(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    /** Vert.x reports a connection the store dropped mid-request as a closed connection. */
    private static boolean isClosedConnection(Throwable cause) {
        String name = cause.getClass().getName();
        return (name.equals("io.vertx.core.VertxException") || name.equals("io.vertx.core.impl.NoStackTraceThrowable"))
                && cause.getMessage() != null && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection")
                && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("closed");
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
