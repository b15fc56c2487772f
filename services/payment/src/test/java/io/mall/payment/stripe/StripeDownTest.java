package io.mall.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.payment.ChargePayment;
import io.mall.payment.Fixtures;
import io.mall.testing.LocalServers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Stripe cannot be reached at all: the payment fails at once with a clear reason, and the order does not wait. */
@QuarkusTest
@TestProfile(StripeDownTest.Unreachable.class)
class StripeDownTest {

    public static class Unreachable implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mall.payment.card-gateway", "stripe",
                    "mall.payment.stripe.secret-key", StripeStub.SECRET_KEY,
                    // a loopback port nothing listens on: every connection is refused
                    "quarkus.rest-client.stripe.url", "http://127.0.0.1:" + LocalServers.freePort());
        }
    }

    @Test
    void aChargeFailsAsGatewayUnavailableWithoutWaitingForAnAnswer() {
        UUID order = UUID.randomUUID();

        Fixtures.charge(new ChargePayment(order, UUID.randomUUID(), 3_000, "KRW", "CARD", "pm_card_visa", null, false, null, false));

        JsonPath failed = Fixtures.event(order, EventTypes.PAYMENT_FAILED);
        assertThat(failed.getString("data.code")).isEqualTo("GATEWAY_UNAVAILABLE");
        assertThat(failed.getString("data.reason")).isEqualTo("the payment gateway cannot be reached");
    }
}
