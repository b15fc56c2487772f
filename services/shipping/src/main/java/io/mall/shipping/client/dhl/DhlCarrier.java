package io.mall.shipping.client.dhl;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mall.shipping.ShippingConfig;
import io.mall.shipping.client.Booking;
import io.mall.shipping.client.Carrier;
import io.mall.shipping.client.CarrierRefusal;
import io.mall.shipping.client.CarrierReply;
import io.mall.shipping.client.CarrierUnavailable;
import io.mall.shipping.client.Parcel;
import io.mall.shipping.client.Tracking;
import io.mall.shipping.client.WebhookRefused;
import io.mall.shipping.client.WebhookSignatures;
import io.mall.shipping.domain.PostalAddress;
import io.smallrye.mutiny.Uni;

/**
 * DHL Express: labels through the MyDHL API (HTTP Basic, {@code x-version}), scans through the
 * Shipment Tracking – Unified API ({@code DHL-API-Key}) and its push subscription, whose calls carry
 * the header and token the subscription was made with (DHL signs nothing, so that shared secret is
 * what proves a call came from it). Set up only when its keys are configured.
 */
@ApplicationScoped
public class DhlCarrier implements Carrier {

    public static final String NAME = "dhl";

    private static final String API_VERSION = "3.1.0";
    private static final DateTimeFormatter PLANNED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss 'GMT'xxx");

    private final DhlExpressApi express;
    private final DhlTrackingApi tracking;
    private final ShippingConfig.Dhl config;
    private final ShippingConfig.Shipper shipper;
    private final ObjectMapper json;
    private final Clock clock;

    DhlCarrier(@RestClient DhlExpressApi express, @RestClient DhlTrackingApi tracking, ShippingConfig config, ObjectMapper json,
            Clock clock) {
        this.express = express;
        this.tracking = tracking;
        this.config = config.dhl();
        this.shipper = config.shipper();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean delivers(PostalAddress destination) {
        return config.apiKey().isPresent() && config.apiSecret().isPresent() && config.accountNumber().isPresent();
    }

    @Override
    public Uni<Booking> book(Parcel parcel) {
        boolean abroad = !parcel.destination().country().equals(shipper.country());
        if (abroad && parcel.declaredValue() == null) {
            throw new CarrierRefusal("DHL needs the goods' value for customs on a parcel abroad");
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (config.apiKey().orElseThrow() + ":" + config.apiSecret().orElseThrow()).getBytes(StandardCharsets.UTF_8));
        return CarrierReply.read(express.createShipment(basic, API_VERSION, parcel.orderId().toString(), shipment(parcel, abroad)), NAME, json)
                .map(reply -> {
                    String number = reply.body() == null ? null : reply.body().path("shipmentTrackingNumber").asText(null);
                    if (reply.isSuccess() && number != null && !number.isBlank()) {
                        return new Booking(number);
                    }
                    if (reply.status() == 400 || reply.status() == 422) {
                        // the request was refused as it is (an address DHL cannot serve, a missing field): asking again changes nothing
                        throw new CarrierRefusal("DHL refused the shipment: " + reply.detail());
                    }
                    throw new CarrierUnavailable("DHL answered " + reply.status() + " without a tracking number");
                });
    }

    /**
     * Nothing to call: the label is booked without a pickup, and DHL bills a shipment only once it is
     * scanned, so a label never handed over costs nothing and expires.
     */
    @Override
    public Uni<Void> cancel(String trackingNumber) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Tracking> track(String trackingNumber) {
        String key = config.trackingApiKey().orElseThrow(() -> new CarrierUnavailable("mall.shipping.dhl.tracking-api-key is not set"));
        return CarrierReply.read(tracking.shipments(key, trackingNumber, "express"), NAME, json).map(reply -> {
            if (reply.status() == 404) {
                // DHL knows a number only from its first scan
                return new Tracking(List.of(), null);
            }
            if (!reply.isSuccess() || reply.body() == null) {
                throw new CarrierUnavailable("DHL tracking answered " + reply.status() + ": " + reply.detail());
            }
            return DhlScans.updates(reply.body()).stream().filter(update -> update.trackingNumber().equals(trackingNumber))
                    .findFirst().map(update -> new Tracking(update.reports(), null)).orElseGet(() -> new Tracking(List.of(), null));
        });
    }

    @Override
    public List<Tracking.Update> webhook(Map<String, String> headers, byte[] body) {
        String presented = headers.get(config.webhookHeader().toLowerCase(java.util.Locale.ROOT));
        if (!WebhookSignatures.sameSecret(presented, config.webhookToken().orElse(null))) {
            throw new WebhookRefused("the call does not carry the DHL subscription's token");
        }
        JsonNode push;
        try {
            push = json.readTree(body);
        } catch (java.io.IOException e) {
            throw new io.mall.domain.BrokenRule("body", "is not JSON");
        }
        if (push == null || !push.path("shipments").isArray()) {
            // the subscription's own messages (validation, expiry) carry no shipments
            return List.of();
        }
        return DhlScans.updates(push);
    }

    private JsonNode shipment(Parcel parcel, boolean abroad) {
        ObjectNode request = json.createObjectNode();
        request.put("plannedShippingDateAndTime", PLANNED.format(clock.instant().plusSeconds(3_600).atOffset(ZoneOffset.ofHours(9))));
        request.putObject("pickup").put("isRequested", false);
        request.put("productCode", config.productCode());
        request.putArray("accounts").addObject().put("typeCode", "shipper").put("number", config.accountNumber().orElseThrow());
        ObjectNode customer = request.putObject("customerDetails");
        ObjectNode from = customer.putObject("shipperDetails");
        from.putObject("postalAddress").put("postalCode", shipper.postalCode()).put("cityName", shipper.city())
                .put("countryCode", shipper.country()).put("addressLine1", shipper.line1());
        from.putObject("contactInformation").put("phone", shipper.phone()).put("companyName", shipper.company())
                .put("fullName", shipper.company());
        ObjectNode to = customer.putObject("receiverDetails");
        PostalAddress destination = parcel.destination();
        ObjectNode address = to.putObject("postalAddress").put("cityName", destination.city() != null ? destination.city() : destination.line1())
                .put("countryCode", destination.country()).put("addressLine1", destination.line1());
        if (destination.postalCode() != null) {
            address.put("postalCode", destination.postalCode());
        }
        if (destination.line2() != null) {
            address.put("addressLine2", destination.line2());
        }
        if (destination.region() != null) {
            address.put("provinceName", destination.region());
        }
        to.putObject("contactInformation").put("phone", parcel.recipient().phone()).put("companyName", parcel.recipient().name())
                .put("fullName", parcel.recipient().name());
        ObjectNode content = request.putObject("content");
        content.putArray("packages").addObject().put("weight", parcel.weightKilograms());
        content.put("isCustomsDeclarable", abroad);
        if (abroad) {
            content.put("declaredValue", parcel.declaredValue());
            content.put("declaredValueCurrency", parcel.currency());
            // the commercial invoice: the order as one line, worth what the order says, sold (not a gift or a sample)
            ObjectNode declaration = content.putObject("exportDeclaration");
            ObjectNode line = declaration.putArray("lineItems").addObject();
            line.put("number", 1).put("description", "Merchandise, order " + parcel.orderId()).put("price", parcel.declaredValue())
                    .put("exportReasonType", "permanent").put("manufacturerCountry", shipper.country());
            line.putObject("quantity").put("value", 1).put("unitOfMeasurement", "PCS");
            line.putObject("weight").put("netValue", parcel.weightKilograms()).put("grossValue", parcel.weightKilograms());
            declaration.putObject("invoice").put("number", parcel.orderId().toString())
                    .put("date", clock.instant().atOffset(ZoneOffset.ofHours(9)).toLocalDate().toString());
        }
        content.put("description", "Order " + parcel.orderId());
        content.put("incoterm", "DAP");
        content.put("unitOfMeasurement", "metric");
        return request;
    }
}
