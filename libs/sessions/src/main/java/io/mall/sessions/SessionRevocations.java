package io.mall.sessions;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import io.mall.contracts.EventTypes;
import io.mall.contracts.user.SessionsRevoked;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.smallrye.mutiny.Uni;

/**
 * Every replica of every service reads the revocations on {@code user.events}, in a consumer group
 * of its own, from as far back as an access token lives ({@link RevocationLookback}), so a replica
 * that starts knows the sessions revoked before it. Revoking is harmless to repeat: no store write
 * per message to remember it. Other user events are read and passed over.
 */
@ApplicationScoped
public class SessionRevocations {

    static final String CHANNEL = "session-revocations";

    private final RevokedSessions revoked;
    private final Inbox inbox;
    private final Clock clock;

    @Inject
    SessionRevocations(RevokedSessions revoked, Inbox inbox, MeterRegistry registry) {
        this.revoked = revoked;
        this.inbox = inbox;
        this.clock = Clock.systemUTC();
        registry.gauge("mall.sessions.revoked", revoked, RevokedSessions::size);
    }

    @Incoming(CHANNEL)
    public Uni<Void> handle(Message<String> message) {
        return inbox.processIdempotent(CHANNEL, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        if (EventTypes.USER_SESSIONS_REVOKED.equals(event.type())) {
            SessionsRevoked revocation = event.data(SessionsRevoked.class);
            revoked.revoke(revocation.sessionIds(), revocation.tokensExpireBy(), clock.instant());
        }
        return Uni.createFrom().voidItem();
    }
}
