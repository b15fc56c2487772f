package io.mall.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.payment.PaymentCaptured;
import io.mall.testing.SmtpSink;
import io.quarkus.test.junit.QuarkusTest;

/** A user's contact is asked of the user service once for the notices of a few seconds (here five), and asked again after. */
@QuarkusTest
class ContactsTest {

    @Test
    void theNoticesOfAnOrderWithinSecondsAskForTheContactOnlyOnce() {
        Shopper shopper = Shopper.english();
        UUID orderId = shopper.placesOrder(15_000, "Candle", 1);
        SmtpSink.about(shopper.email(), "We have your order");
        int asked = lookupsOf(shopper.id());
        assertThat(asked).isPositive();

        Events.send(Topics.PAYMENT_EVENTS, EventTypes.PAYMENT_CAPTURED, orderId, new PaymentCaptured(UUID.randomUUID(), orderId, 15_000, "KRW", "CARD"));

        SmtpSink.about(shopper.email(), "Payment received");
        assertThat(lookupsOf(shopper.id())).isEqualTo(asked);
    }

    @Test
    void aChangedEmailIsWrittenToOnceTheContactIsNoLongerFresh() throws InterruptedException {
        Shopper shopper = Shopper.english();
        shopper.placesOrder(4_000, "Pen", 1);
        SmtpSink.about(shopper.email(), "We have your order");

        String changed = "changed-" + shopper.id() + "@mall.test";
        ProviderStubs.knows(shopper.id(), changed, "Alex Kim", shopper.phone(), "en");
        Thread.sleep(5_500);
        shopper.placesOrder(6_000, "Ink", 1);

        SmtpSink.about(changed, "We have your order");
        assertThat(SmtpSink.inbox(shopper.email())).hasSize(1);
    }

    private static int lookupsOf(UUID userId) {
        return ProviderStubs.server.findAll(getRequestedFor(urlPathEqualTo("/internal/users/" + userId))).size();
    }
}
