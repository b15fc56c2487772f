package io.mall.review.domain;

import java.time.Instant;

/**
 * An event stored inside the document whose change it reports, written by the same atomic update
 * (MongoDB changes one document atomically); libs/messaging's relay publishes it, then removes it.
 */
public class PendingEvent {

    public String id;
    public String topic;
    public String key;
    /** the whole envelope as JSON, exactly as it will be sent */
    public String envelope;
    public Instant createdAt;

    public PendingEvent() {
    }

    public PendingEvent(String id, String topic, String key, String envelope, Instant createdAt) {
        this.id = id;
        this.topic = topic;
        this.key = key;
        this.envelope = envelope;
        this.createdAt = createdAt;
    }
}
