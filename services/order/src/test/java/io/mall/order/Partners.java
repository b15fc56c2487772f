package io.mall.order;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.mall.testing.LocalServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The product, cart and shipping services' HTTP side, played by WireMock as they answer (each
 * only to a caller with a bearer token); tests describe the SKUs, carts and addresses they use.
 * Their Kafka side, the saga's replies, the tests send themselves ({@link SagaPartners}).
 */
public class Partners implements QuarkusTestResourceLifecycleManager {

    /** A SKU as the product service describes it. */
    record Sku(String sku, long price, boolean archived) {
    }

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(LocalServers.freePort()));
        server.start();
        // what no test described: the answers the services give to a caller without a token, or for nothing known
        server.stubFor(get(urlPathEqualTo("/internal/skus")).atPriority(10).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/internal/addresses")).atPriority(10).willReturn(aResponse().withStatus(404)));
        return Map.of("quarkus.rest-client.product.url", server.baseUrl(),
                "quarkus.rest-client.cart.url", server.baseUrl(),
                "quarkus.rest-client.shipping.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The product service knows these SKUs at these prices (in KRW). */
    static void sells(Sku... skus) {
        for (Sku sku : skus) {
            server.stubFor(get(urlPathEqualTo("/internal/skus")).atPriority(1).withQueryParam("sku", equalTo(sku.sku()))
                    .withHeader("Authorization", matching("Bearer .+"))
                    .willReturn(okJson("""
                            [{"sku": "%s", "productId": "p-%s", "name": "Item %s", "image": null, "price": %d, "currency": "KRW",
                              "available": 50, "archived": %s, "weightGrams": 400}]""".formatted(sku.sku(), sku.sku(), sku.sku(), sku.price(),
                            sku.archived()))));
        }
    }

    /** Asked for several SKUs at once, it answers with all of them. */
    static void sellsTogether(List<Sku> skus) {
        StringBuilder body = new StringBuilder("[");
        for (Sku sku : skus) {
            body.append(body.length() > 1 ? "," : "").append("""
                    {"sku": "%s", "productId": "p-%s", "name": "Item %s", "image": null, "price": %d, "currency": "KRW",
                     "available": 50, "archived": %s, "weightGrams": 400}""".formatted(sku.sku(), sku.sku(), sku.sku(), sku.price(), sku.archived()));
        }
        var stub = get(urlPathEqualTo("/internal/skus")).atPriority(1).withHeader("Authorization", matching("Bearer .+"));
        for (Sku sku : skus) {
            stub = stub.withQueryParam("sku", com.github.tomakehurst.wiremock.client.WireMock.including(sku.sku()));
        }
        server.stubFor(stub.willReturn(okJson(body.append(']').toString())));
    }

    /** The shopper's cart holds these lines (with the cart's own, stale prices, which an order never uses). */
    static void cart(UUID shopper, Map<String, Integer> lines) {
        StringBuilder body = new StringBuilder("{\"lines\": [");
        lines.forEach((sku, quantity) -> body.append(body.charAt(body.length() - 1) == '[' ? "" : ",").append("""
                {"sku": "%s", "productId": "p-%s", "name": "Item", "image": null, "quantity": %d, "price": 1, "currency": "KRW"}"""
                .formatted(sku, sku, quantity)));
        body.append("], \"total\": 1, \"currency\": \"KRW\", \"itemCount\": ").append(lines.size()).append(", \"stale\": false}");
        server.stubFor(get(urlPathEqualTo("/internal/carts/" + shopper)).withHeader("Authorization", matching("Bearer .+"))
                .willReturn(okJson(body.toString())));
    }

    /**
     * The shopper has this address in Seoul, and the shipping service quotes it: standard 3,000,
     * express 6,000 (free standard above 50,000 like the opening schedule is not modelled here).
     */
    static UUID address(UUID shopper) {
        UUID id = UUID.randomUUID();
        server.stubFor(get(urlPathEqualTo("/internal/addresses/" + id)).withQueryParam("userId", equalTo(shopper.toString()))
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(okJson("""
                        {"id": "%s", "label": "home", "country": "KR", "postalCode": "06236", "region": null, "city": "서울",
                         "line1": "서울특별시 강남구 테헤란로 152", "line2": "12층"}""".formatted(id))));
        server.stubFor(post(urlPathEqualTo("/api/v1/shipping/quotes")).withRequestBody(matchingJsonPath("$.destination.postalCode",
                equalTo("06236"))).willReturn(okJson("""
                        {"weightGrams": 800, "scheduleVersion": 2, "options": [
                          {"option": "STANDARD", "fee": 3000, "baseFee": 3000, "premium": 0, "surcharges": [], "currency": "KRW",
                           "promisedBy": "2026-11-30", "scheduleVersion": 2},
                          {"option": "EXPRESS", "fee": 6000, "baseFee": 3000, "premium": 3000, "surcharges": [], "currency": "KRW",
                           "promisedBy": "2026-11-27", "scheduleVersion": 2}]}""")));
        return id;
    }
}
