package io.mall.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mall.domain.Conflict;
import io.mall.product.domain.Reservation.State;

class ReservationTest {

    @Test
    void aClaimStartsPendingAndSettlesIntoReservedOrRejected() {
        Reservation claim = Reservation.claim("o-1", List.of(new Reservation.Line("A", 2)), Instant.EPOCH);

        assertThat(claim.state).isEqualTo(State.PENDING);
        assertThat(claim.isSettled()).isFalse();
        assertThat(State.RESERVED.reachableFrom()).containsExactly(State.PENDING);
        assertThat(State.REJECTED.reachableFrom()).containsExactly(State.PENDING);
    }

    @Test
    void onlyAHeldReservationIsReleasedOrCommitted() {
        assertThat(State.RELEASED.reachableFrom()).containsExactly(State.RESERVED);
        assertThat(State.COMMITTED.reachableFrom()).containsExactly(State.RESERVED);
        assertThat(State.PENDING.reachableFrom()).isEmpty();
        assertThat(in(State.RESERVED).holdsStock()).isTrue();
        for (State state : List.of(State.PENDING, State.REJECTED, State.RELEASED, State.COMMITTED)) {
            assertThat(in(state).holdsStock()).as(state.name()).isFalse();
        }
    }

    @Test
    void aCommitOfAHeldReservationProceedsARepeatedOneDoesNothingAndAnyOtherIsRefused() {
        assertThat(in(State.RESERVED).needsCommit()).isTrue();
        assertThat(in(State.COMMITTED).needsCommit()).isFalse();
        for (State state : List.of(State.PENDING, State.REJECTED, State.RELEASED)) {
            assertThatThrownBy(() -> in(state).needsCommit()).as(state.name()).isInstanceOf(Conflict.class)
                    .hasMessage("the reservation for order o-1 is " + state);
        }
    }

    @Test
    void aClaimPendingForTwoMinutesCountsAsAbandoned() {
        assertThat(Reservation.abandonedBefore(Instant.parse("2026-11-26T10:02:00Z"))).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    }

    private static Reservation in(State state) {
        Reservation reservation = Reservation.claim("o-1", List.of(new Reservation.Line("A", 2)), Instant.EPOCH);
        reservation.state = state;
        return reservation;
    }
}
