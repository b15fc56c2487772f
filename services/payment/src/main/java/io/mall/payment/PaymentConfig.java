package io.mall.payment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code mall.payment.*}: which gateways, how long to wait for them and for shoppers. */
@ConfigMapping(prefix = "mall.payment")
public interface PaymentConfig {

    /** The gateway for cards: {@code sandbox} or {@code stripe}. */
    String cardGateway();

    /** The gateway that opens virtual accounts for bank transfers: {@code sandbox}. */
    String bankTransferGateway();

    /** The gateway for wallet payments: {@code sandbox} or {@code paypal}. */
    String walletGateway();

    /** A gateway that has not answered by then leaves the outcome unknown: it is looked up, not sent again. */
    Duration gatewayTimeout();

    Duration bankTransferExpiry();

    Duration walletExpiry();

    /** How often payments with an unknown outcome, expired waits and unanswered refunds are looked at. */
    Duration recoveryInterval();

    /** An outcome still unknown this long after the charge was sent fails the payment. */
    Duration unknownOutcomeGiveUp();

    Duration outboxPollInterval();

    Sandbox sandbox();

    Stripe stripe();

    PayPal paypal();

    interface PayPal {
        java.util.Optional<String> clientId();

        java.util.Optional<String> clientSecret();

        /** The id PayPal gave the webhook endpoint; its signatures are verified against it. */
        java.util.Optional<String> webhookId();
    }

    interface Stripe {
        /** The secret API key ({@code sk_live_...}, {@code sk_test_...}); from the mall-payment Secret. */
        java.util.Optional<String> secretKey();

        /** The signing secret of the webhook endpoint ({@code whsec_...}). */
        java.util.Optional<String> webhookSecret();

        /** A webhook signed longer ago than this is refused (a replay). */
        @io.smallrye.config.WithDefault("PT5M")
        Duration webhookTolerance();
    }

    interface Sandbox {
        /** A virtual account receives its deposit this long after it is opened; zero: only when one is posted. */
        Duration depositAfter();

        /** How late the slow test card answers. */
        Duration slowAnswer();

        /** The public address the sandbox's wallet approval links point to. */
        String publicUrl();
    }
}
