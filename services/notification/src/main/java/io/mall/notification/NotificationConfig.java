package io.mall.notification;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The notification service's settings ({@code mall.notification.*}). */
@ConfigMapping(prefix = "mall.notification")
public interface NotificationConfig {

    /** Where the shop's pages are, for the links in messages (an order, a parcel's tracking, a review form). */
    @WithDefault("https://mall.local")
    String siteUrl();

    Email email();

    Sms sms();

    Push push();

    Delivery delivery();

    SendGrid sendgrid();

    Twilio twilio();

    /** events older than this are not told (a new consumer reading history, a long outage) */
    @WithDefault("PT24H")
    Duration maxEventAge();

    /** how long a user's contact, as the user service gave it, is used before it is asked again */
    @WithDefault("PT10S")
    Duration contactFreshness();

    /**
     * how long a notice about an order waits for the order's owner (its order.placed, read from
     * another topic) before it is forgotten
     */
    @WithDefault("PT1H")
    Duration ownerWait();

    /** how often waiting notices are checked for an owner learned meanwhile, and for their age */
    @WithDefault("30s")
    String ownerSweepInterval();

    /** how often deliveries given up on are published, when nothing nudged the relay */
    @WithDefault("5s")
    String outboxPollInterval();

    interface SendGrid {
        @WithDefault("not-configured")
        String apiKey();
    }

    /** HTTP Basic: an API key and its secret, or (without a key) the account SID and auth token */
    interface Twilio {
        @WithDefault("not-configured")
        String accountSid();

        Optional<String> apiKey();

        @WithDefault("not-configured")
        String secret();
    }

    interface Email {
        /** {@code smtp} (quarkus-mailer) or {@code sendgrid} */
        @WithDefault("smtp")
        String provider();

        @WithDefault("no-reply@mall.local")
        String from();

        @WithDefault("Mall")
        String fromName();
    }

    interface Sms {
        /** {@code sandbox} (accepts and logs, sends nothing) or {@code twilio} */
        @WithDefault("sandbox")
        String provider();

        /** the sending number in E.164 form, unless a messaging service is named */
        Optional<String> from();

        Optional<String> messagingServiceSid();
    }

    interface Push {
        /** {@code sandbox} (accepts and logs, sends nothing) or {@code fcm} */
        @WithDefault("sandbox")
        String provider();

        /** the Firebase project messages are sent from */
        @WithDefault("not-configured")
        String fcmProject();
    }

    interface Delivery {
        /** attempts on one channel before a delivery is dead-lettered */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT30S")
        Duration initialBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();

        /** deliveries taken at each tick */
        @WithDefault("50")
        int batchSize();

        /** how long a taken delivery is this replica's; after a crash another one sends it */
        @WithDefault("PT2M")
        Duration lease();

        /** how often due deliveries are looked for, besides at once after an event */
        @WithDefault("1s")
        String pollInterval();
    }
}
