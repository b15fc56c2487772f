package io.mall.shipping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.mall.testing.LocalServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The product service's {@code /internal/skus}, answering only callers with a bearer token. */
public class ProductStub implements QuarkusTestResourceLifecycleManager {

    /** A SKU as the product service describes it. */
    record Sku(String sku, int weightGrams, boolean archived) {
    }

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(LocalServers.freePort()));
        server.start();
        // without a token, or for SKUs no test described, the product service answers as it does
        server.stubFor(get(urlPathEqualTo("/internal/skus")).atPriority(10).willReturn(aResponse().withStatus(401)));
        return Map.of("quarkus.rest-client.product.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Asked with exactly these SKUs (with a token), the product service answers with those of them it knows. */
    static void answers(List<String> asked, List<Sku> known) {
        StringBuilder body = new StringBuilder("[");
        for (Sku sku : known) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("""
                    {"sku": "%s", "productId": "p-%s", "name": "Parcel item", "image": null, "price": 1000, "currency": "KRW",
                     "available": 5, "archived": %s, "weightGrams": %d}""".formatted(sku.sku(), sku.sku(), sku.archived(), sku.weightGrams()));
        }
        body.append(']');
        server.stubFor(get(urlPathEqualTo("/internal/skus")).atPriority(1)
                .withQueryParam("sku", havingExactly(asked.toArray(String[]::new)))
                .withHeader("Authorization", matching("Bearer .+"))
                .willReturn(okJson(body.toString())));
    }

    /** The product service fails for these SKUs (a 500 after a delay). */
    static void failsFor(List<String> asked) {
        server.stubFor(get(urlPathEqualTo("/internal/skus")).atPriority(1)
                .withQueryParam("sku", havingExactly(asked.toArray(String[]::new)))
                .willReturn(aResponse().withStatus(500)));
    }
}
