package io.mall.review.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.messaging.Envelopes;
import io.mall.messaging.OutgoingEnvelope;
import io.mall.review.domain.PendingEvent;

/** Builds the events that go into a document's outbox, in the envelope every Mall service reads. */
@ApplicationScoped
public class Events {

    private final Envelopes envelopes;

    Events(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    public PendingEvent event(String topic, String type, String subject, Object data) {
        OutgoingEnvelope envelope = envelopes.write(topic, type, subject, data);
        return new PendingEvent(envelope.id().toString(), envelope.topic(), envelope.key(), envelope.json(), envelope.time());
    }
}
