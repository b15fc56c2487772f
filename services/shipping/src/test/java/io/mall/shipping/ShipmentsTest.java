package io.mall.shipping;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.shipping.app.Shipments;
import io.mall.shipping.domain.ShippingOption;
import io.mall.testing.TestKafka;
import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Shipments made and cancelled by the order saga's commands, and parcels moved by the simulated carrier. */
@QuarkusTest
class ShipmentsTest {

    @Inject
    Pool database;

    @Inject
    Shipments shipments;

    @Test
    void aPaidOrderGetsOneShipmentHoweverOftenTheCommandComes() {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();

        Saga.send(orderId, Saga.create(orderId, shopper));
        Saga.send(orderId, Saga.create(orderId, shopper));

        List<JsonPath> created = Saga.eventsOf(orderId, EventTypes.SHIPMENT_CREATED, 2);
        assertThat(created).hasSize(2);
        assertThat(created).extracting(event -> event.getString("data.shipmentId")).containsOnly(created.get(0).getString("data.shipmentId"));
        assertThat(created.get(0).getString("data.carrier")).isEqualTo("simulated");
        assertThat(shipmentsOf(orderId)).isEqualTo(1);
        given().auth().oauth2(shopper.token()).queryParam("orderId", orderId.toString()).when().get("/api/v1/shipments")
                .then().statusCode(200)
                .body("[0].status", equalTo("LABEL_CREATED"))
                .body("[0].trackingNumber", startsWith("SIM"))
                .body("[0].postalCode", equalTo("48058"))
                .body("[0].history.size()", equalTo(1))
                .body("[0].history[0].seq", equalTo(1));
    }

    @Test
    void twoCreatesAtOnceMakeOneShipmentAndVoidTheSecondLabel() throws Exception {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();
        Shipments.PaidOrder order = new Shipments.PaidOrder(orderId, shopper.id(), shopper.addressId(), ShippingOption.EXPRESS, 800, null, null, null);

        List<CompletableFuture<Void>> both = List.of(
                CompletableFuture.runAsync(() -> createOnVertx(order)), CompletableFuture.runAsync(() -> createOnVertx(order)));
        CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)).get();

        assertThat(shipmentsOf(orderId)).isEqualTo(1);
        String kept = database.preparedQuery("SELECT tracking_number FROM shipments WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely().iterator().next().getString(0);
        List<JsonPath> created = Saga.eventsOf(orderId, EventTypes.SHIPMENT_CREATED, 2);
        assertThat(created).extracting(event -> event.getString("data.trackingNumber")).containsOnly(kept);
        // the carrier may have labelled the parcel twice; the label not kept is voided
        long liveLabels = database.preparedQuery("SELECT count(*) FROM simulated_parcels WHERE reference = $1 AND cancelled_at IS NULL")
                .execute(Tuple.of(orderId.toString())).await().indefinitely().iterator().next().getLong(0);
        assertThat(liveLabels).isEqualTo(1);
    }

    @Test
    void anAddressThatIsNotTheShoppersIsRefusedAndMakesNoShipment() {
        Saga.Shopper shopper = Saga.koreanShopper();
        Saga.Shopper someoneElse = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();

        Saga.send(orderId, new io.mall.contracts.shipping.CreateShipment(orderId, shopper.id(), someoneElse.addressId(), "STANDARD",
                List.of(new io.mall.contracts.shipping.CreateShipment.Item("DEMO-1-0", 1)), 500, null, null, null));

        assertThat(Saga.event(orderId, EventTypes.SHIPMENT_REFUSED).getString("data.reason")).contains("address");
        assertThat(shipmentsOf(orderId)).isZero();
    }

    @Test
    void aShipmentNotYetPickedUpIsCancelledAndItsParcelNeverMoves() {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();
        Saga.send(orderId, Saga.create(orderId, shopper));
        Saga.event(orderId, EventTypes.SHIPMENT_CREATED);

        Saga.cancel(orderId);
        Saga.cancel(orderId);

        JsonPath cancelled = Saga.event(orderId, EventTypes.SHIPMENT_UPDATED);
        assertThat(cancelled.getString("data.status")).isEqualTo("CANCELLED");
        travel(orderId, Duration.ofDays(10));
        pollerRuns();
        given().auth().oauth2(shopper.token()).queryParam("orderId", orderId.toString()).when().get("/api/v1/shipments")
                .then().statusCode(200).body("[0].status", equalTo("CANCELLED")).body("[0].history.size()", equalTo(2));
        // the poller has run since (pollerRuns): had the parcel moved, its updates would be there by now
        assertThat(Saga.events(orderId, EventTypes.SHIPMENT_UPDATED, 2, Duration.ofSeconds(3)))
                .filteredOn(event -> EventTypes.SHIPMENT_UPDATED.equals(event.getString("type"))).hasSize(1);
    }

    @Test
    void aParcelOnItsWayIsNotCancelledAndTheAnswerSaysSo() {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();
        Saga.send(orderId, Saga.create(orderId, shopper));
        Saga.event(orderId, EventTypes.SHIPMENT_CREATED);
        travel(orderId, Duration.ofHours(8));
        await().atMost(Duration.ofSeconds(20)).until(() -> !"LABEL_CREATED".equals(status(shopper, orderId)));
        String before = status(shopper, orderId);

        Saga.cancel(orderId);

        JsonPath refused = Saga.event(orderId, EventTypes.SHIPMENT_EXCEPTION);
        assertThat(refused.getString("data.detail")).contains("too late");
        assertThat(status(shopper, orderId)).isEqualTo(before);
    }

    @Test
    void anOrderCancelledBeforeItsShipmentWasMadeGetsNone() {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();

        Saga.cancel(orderId);
        Saga.send(orderId, Saga.create(orderId, shopper));

        assertThat(Saga.event(orderId, EventTypes.SHIPMENT_REFUSED).getString("data.reason")).contains("cancelled");
        assertThat(shipmentsOf(orderId)).isZero();
    }

    @Test
    void theSimulatedCarriersTimelineReachesDeliveredAndEachScanIsRecordedOnce() {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();
        Saga.send(orderId, Saga.create(orderId, shopper));
        Saga.event(orderId, EventTypes.SHIPMENT_CREATED);

        travel(orderId, Duration.ofDays(10));

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(status(shopper, orderId)));
        JsonPath shipment = given().auth().oauth2(shopper.token()).queryParam("orderId", orderId.toString()).when().get("/api/v1/shipments")
                .then().statusCode(200).extract().jsonPath();
        List<String> statuses = shipment.getList("[0].history.status");
        assertThat(statuses.get(0)).isEqualTo("LABEL_CREATED");
        assertThat(statuses.get(1)).isEqualTo("PICKED_UP");
        assertThat(statuses).contains("IN_TRANSIT", "OUT_FOR_DELIVERY").endsWith("DELIVERED");
        assertThat(statuses).containsOnlyOnce("DELIVERED", "PICKED_UP");
        assertThat(shipment.getList("[0].history.seq", Integer.class)).isEqualTo(
                java.util.stream.IntStream.rangeClosed(1, statuses.size()).boxed().toList());
        // one event per scan on shipping.events: updates for the journey, delivered for its end
        assertThat(Saga.eventsOf(orderId, EventTypes.SHIPMENT_DELIVERED, 1)).hasSize(1);
        assertThat(Saga.eventsOf(orderId, EventTypes.SHIPMENT_UPDATED, statuses.size() - 2)).hasSize(statuses.size() - 2);
        assertThat(database.preparedQuery("SELECT next_poll_at FROM shipments WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely().iterator().next().getValue(0)).as("a delivered parcel is not asked about again").isNull();
    }

    @Test
    void aMalformedCommandIsDeadLetteredAndTheNextOneIsStillProcessed() {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();

        TestKafka.send(Topics.SHIPPING_COMMANDS, orderId.toString(), "{\"type\":\"shipping.create-shipment\",\"data\":");
        Saga.command(EventTypes.CREATE_SHIPMENT, orderId, java.util.Map.of("orderId", orderId.toString()));
        Saga.command("shipping.ship-to-the-moon", orderId, java.util.Map.of("orderId", orderId.toString()));
        Saga.send(orderId, Saga.create(orderId, shopper));

        assertThat(Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.orderId")).isEqualTo(orderId.toString());
        assertThat(TestKafka.deadLetters(Topics.SHIPPING_COMMANDS, orderId.toString(), "shipping-commands", 3, Duration.ofSeconds(30)))
                .hasSize(3);
    }

    @Test
    void aShopperSeesOnlyTheirOwnShipmentsAndStaffSeeAll() {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();
        Saga.send(orderId, Saga.create(orderId, shopper));
        String id = Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.shipmentId");
        String stranger = TestTokens.customer(UUID.randomUUID().toString());

        given().auth().oauth2(shopper.token()).when().get("/api/v1/shipments/" + id).then().statusCode(200)
                .body("orderId", equalTo(orderId.toString()));
        given().auth().oauth2(shopper.token()).when().get("/api/v1/shipments").then().statusCode(200)
                .body("[0].id", equalTo(id));
        given().auth().oauth2(stranger).when().get("/api/v1/shipments/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).queryParam("orderId", orderId.toString()).when().get("/api/v1/shipments").then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/api/v1/shipments/" + id + "/events").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).when().get("/api/v1/shipments").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).when().get("/api/v1/shipments/" + id)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID().toString())).queryParam("orderId", orderId.toString())
                .when().get("/api/v1/shipments").then().statusCode(200).body("[0].id", equalTo(id));
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).when().get("/api/v1/shipments")
                .then().statusCode(422).body("violations[0].field", equalTo("orderId"));
        given().when().get("/api/v1/shipments/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.service("order")).when().get("/api/v1/shipments/" + id).then().statusCode(403);
    }

    @Test
    void anErasedShoppersAddressesGoAndTheirShipmentsKeepOnlyWhatTheParcelsHistoryNeeds() {
        Saga.Shopper shopper = Saga.koreanShopper();
        UUID orderId = UUID.randomUUID();
        Saga.send(orderId, Saga.create(orderId, shopper));
        String id = Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.shipmentId");

        // a malformed event first: it is dead-lettered and the erasure after it still happens
        TestKafka.send(Topics.USER_EVENTS, shopper.id().toString(), "{\"type\":\"user.erased\",\"data\":{}}");
        Saga.publish(Topics.USER_EVENTS, EventTypes.USER_ERASED, shopper.id(), new io.mall.contracts.user.UserErased(shopper.id()));

        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(shopper.token()).when().get("/api/v1/addresses")
                .then().statusCode(200).extract().jsonPath().getList("$").isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> "erased".equals(database.preparedQuery(
                "SELECT line1 FROM shipments WHERE id = $1").execute(Tuple.of(UUID.fromString(id))).await().indefinitely()
                .iterator().next().getString(0)));
        var row = database.preparedQuery("SELECT recipient_cipher, phone_cipher, line2, postal_code FROM shipments WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();
        assertThat(row.getString("recipient_cipher")).isEqualTo("erased");
        assertThat(row.getString("phone_cipher")).isEqualTo("erased");
        assertThat(row.getString("line2")).isNull();
        assertThat(row.getString("postal_code")).isEqualTo("48058");
        given().auth().oauth2(TestTokens.support(UUID.randomUUID().toString())).when().get("/api/v1/shipments/" + id).then()
                .statusCode(200).body("history.size()", equalTo(1));
    }

    private void createOnVertx(Shipments.PaidOrder order) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> shipments.create(order));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private String status(Saga.Shopper shopper, UUID orderId) {
        return given().auth().oauth2(shopper.token()).queryParam("orderId", orderId.toString()).when().get("/api/v1/shipments")
                .then().statusCode(200).extract().path("[0].status");
    }

    private long shipmentsOf(UUID orderId) {
        return database.preparedQuery("SELECT count(*) FROM shipments WHERE order_id = $1").execute(Tuple.of(orderId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private void travel(UUID orderId, Duration by) {
        Saga.travel(database, orderId, by);
    }

    /** Long enough for the poller (a tick a second) to have run twice. */
    private static void pollerRuns() {
        try {
            Thread.sleep(2_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
