package io.mall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoOutboxRelayTest {

    @Test
    void anEventIsPulledByTheIdItIsStoredUnderAndNeverByOneItLacks() {
        // an entity's PendingEvent.id is written as _id by the POJO codec; a hand-built entry keeps id
        assertThat(MongoOutboxRelay.identity(new Document("_id", "e-1").append("envelope", "{}"))).isEqualTo(new Document("_id", "e-1"));
        assertThat(MongoOutboxRelay.identity(new Document("id", "e-2").append("envelope", "{}"))).isEqualTo(new Document("id", "e-2"));
        // {id: null} would match every entry without an id: all of a document's events, sent or not
        assertThatThrownBy(() -> MongoOutboxRelay.identity(new Document("envelope", "{}"))).isInstanceOf(IllegalStateException.class);
    }
}
