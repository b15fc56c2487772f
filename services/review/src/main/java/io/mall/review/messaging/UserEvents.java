package io.mall.review.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.contracts.EventTypes;
import io.mall.contracts.user.UserErased;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.review.app.Erasures;
import io.smallrye.mutiny.Uni;

/** Anonymises the reviews of a user whose account was erased ({@code user.erased} on {@code user.events}). */
@ApplicationScoped
public class UserEvents {

    private static final String CONSUMER = "user-events";

    private final Erasures erasures;
    private final Inbox inbox;

    UserEvents(Erasures erasures, Inbox inbox) {
        this.erasures = erasures;
        this.inbox = inbox;
    }

    @Incoming("user-events")
    public Uni<Void> handle(Message<String> message) {
        // erasing twice is harmless
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        if (!EventTypes.USER_ERASED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return erasures.erase(event.data(UserErased.class).userId().toString());
    }
}
