package io.mall.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

class StoreFailuresTest {

    @Test
    void aRefusedConnectionAnywhereAmongTheCausesIsAStoreOutOfReach() {
        Throwable wrapped = new RuntimeException("could not run the query",
                new IllegalStateException("pool", new ConnectException("Connection refused: /127.0.0.1:5999")));

        assertThat(StoreFailures.isUnreachable(wrapped)).isTrue();
        assertThat(StoreFailures.isUnreachable(new ConnectException("Connection refused"))).isTrue();
    }

    @Test
    void otherFailuresAreNotTakenForAnOutage() {
        assertThat(StoreFailures.isUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(StoreFailures.isUnreachable(new RuntimeException(new IllegalArgumentException("bad value")))).isFalse();
    }

    @Test
    void aRedisOverItsMemoryLimitIsAFullStore() {
        assertThat(StoreFailures.isFull(new RuntimeException(new IllegalStateException(
                "OOM command not allowed when used memory > 'maxmemory'.")))).isTrue();
        assertThat(StoreFailures.isFull(new IllegalStateException("ERR unknown command"))).isFalse();
    }

    @Test
    void anOptimisticLockFailureIsAVersionConflictByItsClassName() {
        assertThat(StoreFailures.isVersionConflict(new RuntimeException(new jakarta.persistence.OptimisticLockException("row was updated")))).isTrue();
        assertThat(StoreFailures.isVersionConflict(new IllegalStateException("a bug"))).isFalse();
    }
}
