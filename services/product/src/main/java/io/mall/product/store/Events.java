package io.mall.product.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.mall.messaging.Envelopes;
import io.mall.messaging.OutgoingEnvelope;
import io.mall.product.domain.PendingEvent;

/** Builds the events that go into a document's outbox, in the envelope every Mall service reads. */
@ApplicationScoped
public class Events {

    /** Kafka header naming the replica that made a change; that replica skips the change when it comes back. */
    public static final String ORIGIN_HEADER = "mall-origin";

    private final Envelopes envelopes;
    private final String replica;

    Events(Envelopes envelopes, @ConfigProperty(name = "quarkus.uuid") String replica) {
        this.envelopes = envelopes;
        this.replica = replica;
    }

    public PendingEvent event(String topic, String type, String subject, Object data) {
        OutgoingEnvelope envelope = envelopes.write(topic, type, subject, data);
        return new PendingEvent(envelope.id().toString(), envelope.topic(), envelope.key(), envelope.json(),
                envelope.time(), replica);
    }
}
