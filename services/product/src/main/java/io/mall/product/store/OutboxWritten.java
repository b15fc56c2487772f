package io.mall.product.store;

import java.util.Collection;
import java.util.List;

/**
 * A change wrote events into these documents of a collection: they can be sent now. Fired by
 * {@link Outboxes} after the write, observed by the outbox relay.
 */
public record OutboxWritten(String collection, List<String> ids) {

    public OutboxWritten(String collection, Collection<String> ids) {
        this(collection, List.copyOf(ids));
    }
}
