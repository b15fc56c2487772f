package io.mall.shipping;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.mall.testing.LocalServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * DHL's and FedEx's APIs on one local port, played by WireMock with the paths and answers their
 * documentation gives; each test stubs the answers it needs.
 */
public class CarrierStub implements QuarkusTestResourceLifecycleManager {

    static final String DHL_TRACKING_KEY = "dhl-tracking-key";
    static final String DHL_PUSH_TOKEN = "dhl-push-token-of-the-subscription";
    static final String FEDEX_WEBHOOK_TOKEN = "fedex-webhook-security-token";

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(LocalServers.freePort()));
        server.start();
        return Map.of("quarkus.rest-client.dhl-express.url", server.baseUrl() + "/mydhlapi",
                "quarkus.rest-client.dhl-tracking.url", server.baseUrl(),
                "quarkus.rest-client.fedex.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** DHL takes parcels abroad, FedEx those to the United States; both are asked about scans every second. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("mall.shipping.carriers.international", "dhl"),
                    Map.entry("mall.shipping.carriers.by-country.US", "fedex"),
                    Map.entry("mall.shipping.dhl.api-key", "dhl-api-key"),
                    Map.entry("mall.shipping.dhl.api-secret", "dhl-api-secret"),
                    Map.entry("mall.shipping.dhl.account-number", "123456789"),
                    Map.entry("mall.shipping.dhl.tracking-api-key", DHL_TRACKING_KEY),
                    Map.entry("mall.shipping.dhl.webhook-token", DHL_PUSH_TOKEN),
                    Map.entry("mall.shipping.fedex.account-number", "740561073"),
                    Map.entry("mall.shipping.fedex.webhook-security-token", FEDEX_WEBHOOK_TOKEN),
                    Map.entry("quarkus.oidc-client.fedex.client-id", "fedex-api-key"),
                    Map.entry("quarkus.oidc-client.fedex.credentials.client-secret.value", "fedex-secret-key"),
                    Map.entry("mall.shipping.tracking.poll-interval", "PT1S"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(CarrierStub.class));
        }
    }
}
