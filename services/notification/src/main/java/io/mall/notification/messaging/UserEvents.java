package io.mall.notification.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.mall.contracts.EventTypes;
import io.mall.contracts.user.PasswordChanged;
import io.mall.contracts.user.SignedIn;
import io.mall.contracts.user.UserErased;
import io.mall.contracts.user.UserRegistered;
import io.mall.messaging.Inbox;
import io.mall.messaging.ReceivedEnvelope;
import io.mall.notification.app.Erasures;
import io.mall.notification.app.Notices;
import io.mall.notification.domain.Notice;
import io.mall.notification.domain.Trigger;
import io.smallrye.mutiny.Uni;

/**
 * {@code user.events}: a welcome, a warning about a password change or a new sign-in, and the
 * forgetting of an erased user. Repeats are harmless: the delivery log takes an event once.
 */
@ApplicationScoped
public class UserEvents {

    private static final String CONSUMER = "user-events";

    private final Notices notices;
    private final Erasures erasures;
    private final Inbox inbox;

    UserEvents(Notices notices, Erasures erasures, Inbox inbox) {
        this.notices = notices;
        this.erasures = erasures;
        this.inbox = inbox;
    }

    @Incoming("user-events")
    public Uni<Void> handle(Message<String> message) {
        return inbox.processIdempotent(CONSUMER, message, this::apply);
    }

    private Uni<Void> apply(ReceivedEnvelope event) {
        switch (event.type()) {
            case EventTypes.USER_REGISTERED:
                UserRegistered registered = event.data(UserRegistered.class);
                return notices.tell(new Notice(event.id(), registered.userId(), Trigger.WELCOME, Map.of(), event.time()));
            case EventTypes.USER_PASSWORD_CHANGED:
                PasswordChanged changed = event.data(PasswordChanged.class);
                return notices.tell(new Notice(event.id(), changed.userId(), Trigger.PASSWORD_CHANGED,
                        Map.of("at", changed.at().toString()), event.time()));
            case EventTypes.USER_SIGNED_IN:
                SignedIn signedIn = event.data(SignedIn.class);
                return notices.tell(new Notice(event.id(), signedIn.userId(), Trigger.NEW_SIGN_IN,
                        Map.of("at", signedIn.at().toString()), event.time()));
            case EventTypes.USER_ERASED:
                return erasures.erase(event.data(UserErased.class).userId());
            default:
                return Uni.createFrom().voidItem();
        }
    }
}
