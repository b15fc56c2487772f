package io.mall.shipping;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** {@code mall.shipping.*}. */
@ConfigMapping(prefix = "mall.shipping")
public interface ShippingConfig {

    PersonalData personalData();

    /** How many addresses one shopper may keep. */
    int addressesPerShopper();

    /** How often the outbox relay looks for what a failure left unpublished. */
    Duration outboxPollInterval();

    Carriers carriers();

    Tracking tracking();

    SimulatedCarrier simulatedCarrier();

    /** Where parcels leave from: the shop's warehouse, as carriers' labels name the shipper. */
    Shipper shipper();

    Dhl dhl();

    Fedex fedex();

    interface PersonalData {
        String activeKey();

        Map<String, String> keys();
    }

    interface Carriers {
        /** The carrier of parcels within Korea. */
        String domestic();

        /** The carrier of parcels abroad; none: only Korean addresses are shipped to. */
        Optional<String> international();

        /** Another carrier for parcels to one country ({@code by-country.US=fedex}). */
        Map<String, String> byCountry();
    }

    interface Shipper {
        String company();

        String phone();

        String country();

        String postalCode();

        String city();

        String line1();
    }

    /** DHL Express: MyDHL API for labels, the Shipment Tracking – Unified API for scans, push webhooks. */
    interface Dhl {
        /** MyDHL API key and secret (HTTP Basic); without them DHL takes no parcels. */
        Optional<String> apiKey();

        Optional<String> apiSecret();

        /** The shop's DHL Express account, billed for labels. */
        Optional<String> accountNumber();

        /** The Shipment Tracking – Unified API key ({@code DHL-API-Key}). */
        Optional<String> trackingApiKey();

        /** The product: P, Express Worldwide (non-documents). */
        String productCode();

        /** The header and token the push subscription was made with; DHL sends them with every push. */
        String webhookHeader();

        Optional<String> webhookToken();
    }

    /** FedEx: Ship API for labels, Track API for scans, Advanced Integrated Visibility webhooks. */
    interface Fedex {
        /** The shop's FedEx account; its API credentials are the {@code fedex} OAuth client. */
        Optional<String> accountNumber();

        String serviceType();

        /** The webhook project's security token, the key of each call's {@code fdx-signature}. */
        Optional<String> webhookSecurityToken();
    }

    interface Tracking {
        /** How often the poller looks for shipments whose carrier is due to be asked. */
        Duration pollTick();

        /** How often carriers that cannot say when they will know more are asked again. */
        Duration pollInterval();

        /** How long a replica may take to ask a carrier before another replica asks instead. */
        Duration pollLease();

        /** How many shipments one poll asks about. */
        int pollBatch();

        /** How often the live stream sends a comment to keep idle connections open. */
        Duration keepAlive();
    }

    interface SimulatedCarrier {
        /** How many times faster than real time its parcels move (1: real time). */
        double speed();

        /** How often (0..1) its first delivery attempt fails. */
        double failedAttemptRate();
    }
}
