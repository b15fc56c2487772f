package io.mall.payment.paypal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.mall.testing.LocalServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/** PayPal's REST API on a local port, played by WireMock. */
public class PayPalStub implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "paypal-client-stub";
    static final String CLIENT_SECRET = "paypal-secret-stub";
    static final String WEBHOOK_ID = "WH-STUB-1";

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(LocalServers.freePort()));
        server.start();
        return Map.of("quarkus.rest-client.paypal.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The payment service with PayPal running its wallet payments. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mall.payment.wallet-gateway", "paypal",
                    "mall.payment.paypal.client-id", CLIENT_ID,
                    "mall.payment.paypal.client-secret", CLIENT_SECRET,
                    "mall.payment.paypal.webhook-id", WEBHOOK_ID);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PayPalStub.class));
        }
    }
}
