package io.mall.review.store;

import java.util.List;

/** A change wrote events into these documents of a collection: the relay sends them now. */
public record OutboxWritten(String collection, List<String> ids) {
}
