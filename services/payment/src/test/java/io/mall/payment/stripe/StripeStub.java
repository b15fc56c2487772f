package io.mall.payment.stripe;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.mall.testing.LocalServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Stripe's API on a local port, played by WireMock; each test stubs the answers it needs. */
public class StripeStub implements QuarkusTestResourceLifecycleManager {

    static final String SECRET_KEY = "sk_test_mall_stub";
    static final String WEBHOOK_SECRET = "whsec_mall_stub";

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(LocalServers.freePort()));
        server.start();
        return Map.of("quarkus.rest-client.stripe.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** The payment service with Stripe taking its cards. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mall.payment.card-gateway", "stripe",
                    "mall.payment.stripe.secret-key", SECRET_KEY,
                    "mall.payment.stripe.webhook-secret", WEBHOOK_SECRET);
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(StripeStub.class));
        }
    }
}
