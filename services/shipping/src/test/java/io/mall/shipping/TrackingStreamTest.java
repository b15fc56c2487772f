package io.mall.shipping;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The live stream of a shipment: each update once, resumable with Last-Event-ID, ended with the journey. */
@QuarkusTest
class TrackingStreamTest {

    private static final Event END = new Event(-1, null);

    /** One server-sent event as the client reads it. */
    record Event(int id, JsonPath data) {
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Pool database;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStreamDeliversEachUpdateOnceAndAReconnectReceivesOnlyWhatWasMissed() throws Exception {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();
        Saga.send(orderId, Saga.create(orderId, shopper));
        String shipment = Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.shipmentId");

        BlockingQueue<Event> first = open(shipment, shopper.token(), null);
        Event label = next(first);
        assertThat(label.id()).isEqualTo(1);
        assertThat(label.data().getString("status")).isEqualTo("LABEL_CREATED");

        travel(orderId, Duration.ofHours(12));
        await().atMost(Duration.ofSeconds(20)).until(() -> historySize(shopper, shipment) > 1);
        int recorded = historySize(shopper, shipment);
        List<Event> live = new ArrayList<>();
        while (live.size() < recorded - 1) {
            live.add(next(first));
        }
        assertThat(live).extracting(Event::id).isEqualTo(java.util.stream.IntStream.rangeClosed(2, recorded).boxed().toList());
        assertThat(live.get(0).data().getString("status")).isEqualTo("PICKED_UP");
        // nothing more came: each update once (keep-alives are comments, not events)
        assertThat(first.poll(2, TimeUnit.SECONDS)).isNull();

        int lastSeen = live.get(live.size() - 1).id();
        travel(orderId, Duration.ofDays(10));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(status(shopper, shipment)));
        int all = historySize(shopper, shipment);

        BlockingQueue<Event> resumed = open(shipment, shopper.token(), String.valueOf(lastSeen));
        List<Event> missed = new ArrayList<>();
        for (Event event = next(resumed); event != END; event = next(resumed)) {
            missed.add(event);
        }
        assertThat(missed).extracting(Event::id).isEqualTo(java.util.stream.IntStream.rangeClosed(lastSeen + 1, all).boxed().toList());
        assertThat(missed.get(missed.size() - 1).data().getString("status")).isEqualTo("DELIVERED");

        HttpResponse<Void> over = http.send(request(shipment, shopper.token(), String.valueOf(all)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(over.statusCode()).as("a journey seen to its end tells the client to stop reconnecting").isEqualTo(204);
    }

    @Test
    void staffMayFollowAnyShipmentAndOthersAreRefusedBeforeTheStreamOpens() throws Exception {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();
        Saga.send(orderId, Saga.create(orderId, shopper));
        String shipment = Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.shipmentId");

        assertThat(next(open(shipment, TestTokens.support(UUID.randomUUID().toString()), null)).id()).isEqualTo(1);

        HttpResponse<String> stranger = http.send(request(shipment, TestTokens.customer(UUID.randomUUID().toString()), null).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/shipments/" + shipment + "/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> badId = http.send(request(shipment, shopper.token(), "yesterday").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badId.statusCode()).isEqualTo(422);
        assertThat(badId.body()).contains("Last-Event-ID");
        HttpResponse<String> unknown = http.send(request(UUID.randomUUID().toString(), TestTokens.admin(UUID.randomUUID().toString()), null)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private HttpRequest.Builder request(String shipment, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/shipments/" + shipment + "/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token);
        return lastEventId == null ? request : request.header("Last-Event-ID", lastEventId);
    }

    /** Opens the stream and reads its events in the background; {@link #END} when the server ends it. */
    private BlockingQueue<Event> open(String shipment, String token, String lastEventId) throws Exception {
        HttpResponse<Stream<String>> response = http.send(request(shipment, token, lastEventId).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            int id = -1;
            StringBuilder data = new StringBuilder();
            try {
                Iterator<String> lines = response.body().iterator();
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.startsWith("id:")) {
                        id = Integer.parseInt(line.substring(3).strip());
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && data.length() > 0) {
                        events.add(new Event(id, new JsonPath(data.toString())));
                        data.setLength(0);
                    }
                }
            } catch (RuntimeException closed) {
                // the test is over or the connection was cut: either way the stream ended
            }
            events.add(END);
        });
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static Event next(BlockingQueue<Event> events) throws InterruptedException {
        Event event = events.poll(20, TimeUnit.SECONDS);
        assertThat(event).as("an event within 20 s").isNotNull();
        return event;
    }

    private static int historySize(Saga.Shopper shopper, String shipment) {
        return given().auth().oauth2(shopper.token()).when().get("/api/v1/shipments/" + shipment).then().statusCode(200)
                .extract().path("history.size()");
    }

    private static String status(Saga.Shopper shopper, String shipment) {
        return given().auth().oauth2(shopper.token()).when().get("/api/v1/shipments/" + shipment).then().statusCode(200)
                .extract().path("status");
    }

    private void travel(UUID orderId, Duration by) {
        Saga.travel(database, orderId, by);
    }
}
