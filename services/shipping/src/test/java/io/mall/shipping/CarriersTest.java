package io.mall.shipping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.mall.contracts.EventTypes;
import io.mall.shipping.client.WebhookSignatures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** DHL and FedEx as the carriers of parcels abroad: labels, polling, webhooks, refusals and outages. */
@QuarkusTest
@TestProfile(CarrierStub.Profile.class)
class CarriersTest {

    @Test
    void aParcelAbroadIsLabelledByDhlWithItsValueDeclaredForCustoms() {
        Saga.Shopper shopper = Saga.shopperIn("DE", "10115", "Berlin", "Hauptstr. 1");
        UUID orderId = UUID.randomUUID();
        String number = dhlLabels(orderId);

        Saga.send(orderId, Saga.create(orderId, shopper));

        assertThat(Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.trackingNumber")).isEqualTo(number);
        CarrierStub.server.verify(postRequestedFor(urlPathEqualTo("/mydhlapi/shipments"))
                .withHeader("Authorization", equalTo("Basic ZGhsLWFwaS1rZXk6ZGhsLWFwaS1zZWNyZXQ="))
                .withHeader("x-version", equalTo("3.1.0"))
                .withRequestBody(matchingJsonPath("$.customerDetails.receiverDetails.postalAddress.countryCode", equalTo("DE")))
                .withRequestBody(matchingJsonPath("$.customerDetails.receiverDetails.contactInformation.fullName", equalTo("김민지")))
                .withRequestBody(matchingJsonPath("$.content.isCustomsDeclarable", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.content.declaredValue", equalTo("39000")))
                .withRequestBody(matchingJsonPath("$.content.declaredValueCurrency", equalTo("KRW")))
                .withRequestBody(matchingJsonPath("$.content.packages[0].weight", equalTo("1.2")))
                .withRequestBody(matchingJsonPath("$.accounts[0].number", equalTo("123456789"))));
    }

    @Test
    void dhlScansArePolledAndPushedAndEachIsTakenOnce() {
        Saga.Shopper shopper = Saga.shopperIn("DE", "10115", "Berlin", "Hauptstr. 1");
        UUID orderId = UUID.randomUUID();
        String number = dhlLabels(orderId);
        CarrierStub.server.stubFor(get(urlPathEqualTo("/track/shipments")).withQueryParam("trackingNumber", equalTo(number))
                .withHeader("DHL-API-Key", equalTo(CarrierStub.DHL_TRACKING_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(dhlShipment(number, """
                        {"timestamp": "2026-11-27T07:02:00Z", "location": {"address": {"addressLocality": "BERLIN", "countryCode": "DE"}},
                         "statusCode": "transit", "status": "WITH DELIVERY COURIER", "description": "Shipment is out with courier for delivery"},
                        {"timestamp": "2026-11-26T16:40:00Z", "location": {"address": {"addressLocality": "INCHEON", "countryCode": "KR"}},
                         "statusCode": "transit", "status": "PROCESSED", "description": "Processed at INCHEON - KOREA"},
                        {"timestamp": "2026-11-26T09:00:00+09:00", "statusCode": "transit", "status": "PICKED UP", "description": "Shipment picked up"},
                        {"timestamp": "2026-11-26T08:00:00", "statusCode": "pre-transit", "status": "SHIPMENT INFORMATION RECEIVED",
                         "description": "Shipment information received"}"""))));

        Saga.send(orderId, Saga.create(orderId, shopper));
        String id = Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.shipmentId");
        await().atMost(Duration.ofSeconds(20)).until(() -> "OUT_FOR_DELIVERY".equals(status(shopper, id)));
        String push = """
                {"scope": "subscription.push", "self": "https://api-eu.dhl.com/tracking/push/v1/subscription/6f1c",
                 "shipments": [%s]}""".formatted(dhlShipment(number, """
                {"timestamp": "2026-11-27T10:21:00Z", "location": {"address": {"addressLocality": "BERLIN", "countryCode": "DE"}},
                 "statusCode": "delivered", "status": "DELIVERED", "description": "Delivered - Signed for by: KIM"}""")
                .replaceFirst("^\\{\"shipments\": \\[", "").replaceFirst("\\]}$", ""));

        given().header("DHL-Push-Token", CarrierStub.DHL_PUSH_TOKEN).contentType(ContentType.JSON).body(push)
                .when().post("/api/v1/shipping/carriers/dhl/webhook").then().statusCode(200).body("shipments", org.hamcrest.Matchers.equalTo(1));
        given().header("DHL-Push-Token", CarrierStub.DHL_PUSH_TOKEN).contentType(ContentType.JSON).body(push)
                .when().post("/api/v1/shipping/carriers/dhl/webhook").then().statusCode(200);

        List<String> history = given().auth().oauth2(shopper.token()).when().get("/api/v1/shipments/" + id).then().statusCode(200)
                .extract().jsonPath().getList("history.status");
        assertThat(history).containsExactly("LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED");
        assertThat(Saga.eventsOf(orderId, EventTypes.SHIPMENT_DELIVERED, 1)).hasSize(1);
    }

    @Test
    void aWebhookCallThatCannotBeShownToComeFromTheCarrierIsRefusedAndChangesNothing() {
        Saga.Shopper shopper = Saga.shopperIn("US", "38017", "Collierville", "1 Main St");
        UUID orderId = UUID.randomUUID();
        String number = fedexLabels(orderId);
        Saga.send(orderId, Saga.create(orderId, shopper));
        String id = Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.shipmentId");
        byte[] delivered = fedexResults(number, """
                {"date": "2026-11-28T12:41:57-05:00", "eventType": "DL", "eventDescription": "Delivered",
                 "scanLocation": {"city": "Collierville", "countryCode": "US"}, "derivedStatusCode": "DL"}""").getBytes(StandardCharsets.UTF_8);

        given().header("fdx-signature", WebhookSignatures.hmacSha256Base64("a guessed token", delivered)).body(delivered)
                .contentType(ContentType.JSON).when().post("/api/v1/shipping/carriers/fedex/webhook")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(delivered).when().post("/api/v1/shipping/carriers/fedex/webhook").then().statusCode(401);
        given().header("DHL-Push-Token", "not the token").contentType(ContentType.JSON).body("{\"shipments\": []}")
                .when().post("/api/v1/shipping/carriers/dhl/webhook").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/shipping/carriers/ups/webhook").then().statusCode(404);
        assertThat(status(shopper, id)).isEqualTo("LABEL_CREATED");

        given().header("fdx-signature", WebhookSignatures.hmacSha256Base64(CarrierStub.FEDEX_WEBHOOK_TOKEN, delivered)).body(delivered)
                .contentType(ContentType.JSON).when().post("/api/v1/shipping/carriers/fedex/webhook")
                .then().statusCode(200).body("shipments", org.hamcrest.Matchers.equalTo(1));
        assertThat(status(shopper, id)).isEqualTo("DELIVERED");
    }

    @Test
    void aUsParcelGoesToFedexWithItsOwnTokenAndIsTrackedAndCancelledThere() {
        Saga.Shopper shopper = Saga.shopperIn("US", "38017", "Collierville", "1 Main St");
        UUID orderId = UUID.randomUUID();
        String number = fedexLabels(orderId);
        CarrierStub.server.stubFor(post(urlPathEqualTo("/track/v1/trackingnumbers")).withRequestBody(containing(number))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(fedexResults(number, """
                        {"date": "2026-11-26T10:36:00+09:00", "eventType": "OC", "eventDescription": "Shipment information sent to FedEx",
                         "scanLocation": {"postalCode": "12771", "countryCode": "KR"}, "derivedStatusCode": "IN"}"""))));
        CarrierStub.server.stubFor(put(urlPathEqualTo("/ship/v1/shipments/cancel")).withRequestBody(containing(number))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"transactionId\": \"c1\", \"output\": {\"cancelledShipment\": true, \"cancelledHistory\": true}}")));

        Saga.send(orderId, Saga.create(orderId, shopper));
        String id = Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.shipmentId");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> CarrierStub.server.verify(
                postRequestedFor(urlPathEqualTo("/track/v1/trackingnumbers")).withRequestBody(containing(number))));
        Saga.cancel(orderId);

        assertThat(Saga.event(orderId, EventTypes.SHIPMENT_UPDATED).getString("data.status")).isEqualTo("CANCELLED");
        assertThat(status(shopper, id)).isEqualTo("CANCELLED");
        CarrierStub.server.verify(postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withRequestBody(containing("grant_type=client_credentials")).withRequestBody(containing("client_id=fedex-api-key")).withRequestBody(containing("client_secret=fedex-secret-key")));
        CarrierStub.server.verify(postRequestedFor(urlPathEqualTo("/ship/v1/shipments")).withRequestBody(containing(orderId.toString()))
                .withHeader("Authorization", equalTo("Bearer fedex-access-token"))
                .withRequestBody(matchingJsonPath("$.requestedShipment.recipients[0].address.countryCode", equalTo("US")))
                .withRequestBody(matchingJsonPath("$.requestedShipment.customsClearanceDetail.commodities[0].customsValue.amount",
                        equalTo("39000"))));
        CarrierStub.server.verify(putRequestedFor(urlPathEqualTo("/ship/v1/shipments/cancel"))
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo(number))));
    }

    @Test
    void anAddressTheCarrierRefusesIsAnsweredShipmentRefused() {
        Saga.Shopper shopper = Saga.shopperIn("DE", "99999", "Nowhere", "Unknown street 0");
        UUID orderId = UUID.randomUUID();
        CarrierStub.server.stubFor(post(urlPathEqualTo("/mydhlapi/shipments")).withRequestBody(containing(orderId.toString()))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("""
                        {"instance": "expressapi/shipments", "detail": "1001: The requested product(s) (P) not available based on your search criteria.",
                         "title": "Product not found", "message": "Unprocessable Entity", "status": "422"}""")));

        Saga.send(orderId, Saga.create(orderId, shopper));

        assertThat(Saga.event(orderId, EventTypes.SHIPMENT_REFUSED).getString("data.reason")).contains("DHL refused").contains("1001");
    }

    @Test
    void aCarrierThatIsDownLeavesTheCommandToBeTriedAgainAndTheParcelIsLabelledOnce() {
        Saga.Shopper shopper = Saga.shopperIn("DE", "10115", "Berlin", "Hauptstr. 1");
        UUID orderId = UUID.randomUUID();
        String number = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String scenario = "dhl-down-" + orderId;
        CarrierStub.server.stubFor(post(urlPathEqualTo("/mydhlapi/shipments")).withRequestBody(containing(orderId.toString()))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")).willSetStateTo("up"));
        CarrierStub.server.stubFor(post(urlPathEqualTo("/mydhlapi/shipments")).withRequestBody(containing(orderId.toString()))
                .inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"shipmentTrackingNumber\": \"" + number + "\", \"packages\": [{\"referenceNumber\": 1}]}")));

        Saga.send(orderId, Saga.create(orderId, shopper));

        assertThat(Saga.event(orderId, EventTypes.SHIPMENT_CREATED).getString("data.trackingNumber")).isEqualTo(number);
        CarrierStub.server.verify(2, postRequestedFor(urlPathEqualTo("/mydhlapi/shipments")).withRequestBody(containing(orderId.toString())));
    }

    /** DHL labels this order's parcel; answers its tracking number. */
    private static String dhlLabels(UUID orderId) {
        String number = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        CarrierStub.server.stubFor(post(urlPathEqualTo("/mydhlapi/shipments")).withRequestBody(containing(orderId.toString()))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"shipmentTrackingNumber": "%s",
                         "trackingUrl": "https://express.api.dhl.com/mydhlapi/shipments/%s/tracking",
                         "packages": [{"referenceNumber": 1, "trackingNumber": "JD0146000046%s"}],
                         "documents": [{"imageFormat": "PDF", "content": "JVBERi0xLjQK", "typeCode": "label"}]}"""
                        .formatted(number, number, number))));
        return number;
    }

    /** FedEx hands out its token and labels this order's parcel; answers its tracking number. */
    private static String fedexLabels(UUID orderId) {
        String number = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        CarrierStub.server.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\": \"fedex-access-token\", \"token_type\": \"bearer\", \"expires_in\": 3599, \"scope\": \"CXS\"}")));
        CarrierStub.server.stubFor(post(urlPathEqualTo("/ship/v1/shipments")).withRequestBody(containing(orderId.toString()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"transactionId": "624deea6-b709-470c-8c39-4b5511281492",
                         "output": {"transactionShipments": [{"serviceType": "INTERNATIONAL_PRIORITY", "masterTrackingNumber": "%s",
                           "pieceResponses": [{"masterTrackingNumber": "%s", "trackingNumber": "%s", "packageSequenceNumber": 1}],
                           "completedShipmentDetail": {"masterTrackingId": {"trackingIdType": "FEDEX", "trackingNumber": "%s"}}}],
                          "alerts": []}}""".formatted(number, number, number, number))));
        return number;
    }

    private static String dhlShipment(String number, String events) {
        return """
                {"shipments": [{"id": "%s", "service": "express",
                  "destination": {"address": {"addressLocality": "BERLIN", "countryCode": "DE", "postalCode": "10115"}},
                  "status": {"timestamp": "2026-11-27T07:02:00Z", "statusCode": "transit", "status": "WITH DELIVERY COURIER"},
                  "events": [%s]}]}""".formatted(number, events);
    }

    private static String fedexResults(String number, String scans) {
        return """
                {"transactionId": "ccfcfe7f", "output": {"completeTrackResults": [{"trackingNumber": "%s", "trackResults": [{
                  "trackingNumberInfo": {"trackingNumber": "%s", "carrierCode": "FDXE"},
                  "latestStatusDetail": {"code": "IT", "derivedCode": "IT", "statusByLocale": "In transit"},
                  "scanEvents": [%s]}]}]}}""".formatted(number, number, scans);
    }

    private static String status(Saga.Shopper shopper, String shipment) {
        return given().auth().oauth2(shopper.token()).when().get("/api/v1/shipments/" + shipment).then().statusCode(200)
                .extract().path("status");
    }
}
