package io.mall.product.store;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Tells whoever publishes outboxes which documents a change wrote events into, so they go out at
 * once rather than at the next sweep; a CDI event, so the store names no publisher.
 */
@ApplicationScoped
public class Outboxes {

    private final Event<OutboxWritten> written;

    Outboxes(Event<OutboxWritten> written) {
        this.written = written;
    }

    public void written(String collection, Collection<String> ids) {
        if (!ids.isEmpty()) {
            written.fire(new OutboxWritten(collection, ids));
        }
    }
}
