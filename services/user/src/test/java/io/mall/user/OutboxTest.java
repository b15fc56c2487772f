package io.mall.user;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.testing.TestRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Every committed change is published once, in commit order per account, and the outbox keeps only what is still to be sent. */
@QuarkusTest
@QuarkusTestResource(UserTestResource.class)
class OutboxTest {

    @Test
    void changesOfOneAccountArePublishedInTheOrderTheyCommitted() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        List<String> locales = List.of("en", "ko", "en", "ko", "en", "ko");
        for (String locale : locales) {
            given().auth().oauth2(shopper.accessToken()).contentType(ContentType.JSON).body(Map.of("locale", locale))
                    .when().patch("/api/v1/users/me").then().statusCode(200);
        }

        List<JsonPath> events = UserEvents.about(shopper.id(), EventTypes.USER_UPDATED, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> UserEvents.about(shopper.id(), EventTypes.USER_UPDATED, Duration.ofSeconds(2))
                .stream().filter(e -> EventTypes.USER_UPDATED.equals(e.getString("type"))).count() == 6);

        List<String> published = UserEvents.about(shopper.id(), EventTypes.USER_UPDATED, Duration.ofSeconds(5)).stream()
                .filter(e -> EventTypes.USER_UPDATED.equals(e.getString("type")))
                .map(e -> e.getString("data.locale")).toList();
        assertThat(published).containsExactlyElementsOf(locales);
        assertThat(events.get(0).getString("type")).isEqualTo(EventTypes.USER_REGISTERED);
    }

    @Test
    void aBacklogDrainsThoughTheStatisticsStillDescribeAnEmptyOutbox() {
        // What a busy outbox looks like to the planner: analysed after a burst was sent (pages, no
        // live rows), then filled again faster than autovacuum analyses it. Autovacuum is held off
        // here so the statistics stay that stale for the whole test.
        String topic = TestRun.ID + ".outbox.backlog";
        Database.execute("ALTER TABLE outbox SET (autovacuum_enabled = false)");
        try {
            Database.execute("INSERT INTO outbox (id, topic, message_key, payload, created_at) SELECT gen_random_uuid(), 'burst', "
                    + "'burst-' || g, '{}', now() FROM generate_series(1, 2000) g",
                    "DELETE FROM outbox WHERE topic = 'burst'",
                    "ANALYZE outbox",
                    // 4,000 messages about 1,000 subjects: four in a row about each
                    "INSERT INTO outbox (id, topic, message_key, payload, created_at) SELECT gen_random_uuid(), '" + topic + "', "
                            + "'backlog-' || (g % 1000), '{\"n\":' || g || '}', now() FROM generate_series(1, 4000) g");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> Database.query(
                    "SELECT count(*) FROM outbox WHERE topic = '" + topic + "'").equals(List.of("0")));
        } finally {
            Database.execute("ALTER TABLE outbox SET (autovacuum_enabled = true)");
        }
    }

    @Test
    void publishedRowsLeaveTheOutbox() {
        Shoppers.Shopper shopper = Shoppers.newShopper();
        UserEvents.about(shopper.id(), EventTypes.USER_REGISTERED, Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(30)).until(() -> Database.query(
                "SELECT count(*) FROM outbox WHERE message_key = '" + shopper.id() + "'").equals(List.of("0")));
    }
}
