package io.mall.product.domain;

import java.time.Instant;

/**
 * An event stored inside the document whose change it reports, written by the same atomic
 * update: MongoDB changes one document atomically, so the event exists if and only if the change
 * does. The relay publishes it and then removes it from the document.
 */
public class PendingEvent {

    public String id;
    public String topic;
    public String key;
    /** the whole envelope as JSON, exactly as it will be sent */
    public String envelope;
    public Instant createdAt;
    /** the replica that made the change: it applied the change to its own cache and index already */
    public String origin;

    public PendingEvent() {
    }

    public PendingEvent(String id, String topic, String key, String envelope, Instant createdAt, String origin) {
        this.id = id;
        this.topic = topic;
        this.key = key;
        this.envelope = envelope;
        this.createdAt = createdAt;
        this.origin = origin;
    }
}
