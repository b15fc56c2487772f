package io.mall.shipping.client.fedex;

import java.time.Clock;
import java.time.ZoneOffset;
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
 * FedEx: labels through the Ship API, scans through the Track API, and Advanced Integrated
 * Visibility webhooks, each call signed in {@code fdx-signature} (Base64 HMAC-SHA256 of the body
 * under the webhook project's security token). Set up only when its account is configured.
 */
@ApplicationScoped
public class FedexCarrier implements Carrier {

    public static final String NAME = "fedex";

    private final FedexApi api;
    private final ShippingConfig.Fedex config;
    private final ShippingConfig.Shipper shipper;
    private final ObjectMapper json;
    private final Clock clock;

    FedexCarrier(@RestClient FedexApi api, ShippingConfig config, ObjectMapper json, Clock clock) {
        this.api = api;
        this.config = config.fedex();
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
        return config.accountNumber().isPresent();
    }

    @Override
    public Uni<Booking> book(Parcel parcel) {
        boolean abroad = !parcel.destination().country().equals(shipper.country());
        if (abroad && parcel.declaredValue() == null) {
            throw new CarrierRefusal("FedEx needs the goods' value for customs on a parcel abroad");
        }
        return CarrierReply.read(api.createShipment(shipment(parcel, abroad)), NAME, json).map(reply -> {
            JsonNode shipment = reply.body() == null ? null : reply.body().path("output").path("transactionShipments").path(0);
            String number = shipment == null ? null : shipment.path("masterTrackingNumber").asText(null);
            if (reply.isSuccess() && number != null && !number.isBlank()) {
                return new Booking(number);
            }
            if (reply.status() == 400 || reply.status() == 422) {
                throw new CarrierRefusal("FedEx refused the shipment: " + reply.detail());
            }
            throw new CarrierUnavailable("FedEx answered " + reply.status() + " without a tracking number");
        });
    }

    @Override
    public Uni<Void> cancel(String trackingNumber) {
        ObjectNode cancel = json.createObjectNode();
        cancel.putObject("accountNumber").put("value", config.accountNumber().orElseThrow());
        cancel.put("trackingNumber", trackingNumber);
        cancel.put("deletionControl", "DELETE_ALL_PACKAGES");
        return CarrierReply.read(api.cancelShipment(cancel), NAME, json).map(reply -> {
            if (!reply.isSuccess()) {
                throw new CarrierUnavailable("FedEx did not cancel " + trackingNumber + ": " + reply.detail());
            }
            return null;
        });
    }

    @Override
    public Uni<Tracking> track(String trackingNumber) {
        ObjectNode request = json.createObjectNode();
        request.put("includeDetailedScans", true);
        request.putArray("trackingInfo").addObject().putObject("trackingNumberInfo").put("trackingNumber", trackingNumber);
        return CarrierReply.read(api.track(request), NAME, json).map(reply -> {
            if (!reply.isSuccess() || reply.body() == null) {
                throw new CarrierUnavailable("FedEx tracking answered " + reply.status() + ": " + reply.detail());
            }
            return FedexScans.updates(reply.body()).stream().filter(update -> update.trackingNumber().equals(trackingNumber))
                    .findFirst().map(update -> new Tracking(update.reports(), null)).orElseGet(() -> new Tracking(List.of(), null));
        });
    }

    @Override
    public List<Tracking.Update> webhook(Map<String, String> headers, byte[] body) {
        String token = config.webhookSecurityToken().orElseThrow(() -> new WebhookRefused("FedEx webhooks are not set up here"));
        if (!WebhookSignatures.sameSecret(headers.get("fdx-signature"), WebhookSignatures.hmacSha256Base64(token, body))) {
            throw new WebhookRefused("the fdx-signature does not match the body");
        }
        try {
            JsonNode call = json.readTree(body);
            return call == null ? List.of() : FedexScans.updates(call);
        } catch (java.io.IOException e) {
            throw new io.mall.domain.BrokenRule("body", "is not JSON");
        }
    }

    private JsonNode shipment(Parcel parcel, boolean abroad) {
        ObjectNode request = json.createObjectNode();
        request.put("labelResponseOptions", "URL_ONLY");
        request.putObject("accountNumber").put("value", config.accountNumber().orElseThrow());
        ObjectNode shipment = request.putObject("requestedShipment");
        ObjectNode from = shipment.putObject("shipper");
        from.putObject("contact").put("companyName", shipper.company()).put("phoneNumber", shipper.phone());
        from.putObject("address").put("city", shipper.city()).put("postalCode", shipper.postalCode())
                .put("countryCode", shipper.country()).putArray("streetLines").add(shipper.line1());
        ObjectNode to = shipment.putArray("recipients").addObject();
        to.putObject("contact").put("personName", parcel.recipient().name()).put("phoneNumber", parcel.recipient().phone());
        PostalAddress destination = parcel.destination();
        ObjectNode address = to.putObject("address").put("countryCode", destination.country())
                .put("city", destination.city() != null ? destination.city() : destination.line1());
        address.putArray("streetLines").add(destination.line1());
        if (destination.line2() != null) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) address.get("streetLines")).add(destination.line2());
        }
        if (destination.postalCode() != null) {
            address.put("postalCode", destination.postalCode());
        }
        if (destination.region() != null && destination.region().length() <= 2) {
            address.put("stateOrProvinceCode", destination.region());
        }
        shipment.put("shipDatestamp", clock.instant().atOffset(ZoneOffset.ofHours(9)).toLocalDate().toString());
        shipment.put("pickupType", "USE_SCHEDULED_PICKUP");
        shipment.put("serviceType", config.serviceType());
        shipment.put("packagingType", "YOUR_PACKAGING");
        shipment.put("totalWeight", parcel.weightKilograms());
        shipment.putObject("shippingChargesPayment").put("paymentType", "SENDER");
        shipment.putObject("labelSpecification").put("imageType", "PDF").put("labelStockType", "PAPER_85X11_TOP_HALF_LABEL");
        ObjectNode line = shipment.putArray("requestedPackageLineItems").addObject();
        line.putObject("weight").put("units", "KG").put("value", parcel.weightKilograms());
        line.putArray("customerReferences").addObject().put("customerReferenceType", "CUSTOMER_REFERENCE")
                .put("value", parcel.orderId().toString());
        if (abroad) {
            ObjectNode customs = shipment.putObject("customsClearanceDetail");
            customs.putObject("dutiesPayment").put("paymentType", "RECIPIENT");
            ObjectNode commodity = customs.putArray("commodities").addObject();
            commodity.put("description", "Merchandise, order " + parcel.orderId()).put("countryOfManufacture", shipper.country())
                    .put("quantity", 1).put("quantityUnits", "PCS").put("numberOfPieces", 1);
            commodity.putObject("weight").put("units", "KG").put("value", parcel.weightKilograms());
            commodity.putObject("unitPrice").put("amount", parcel.declaredValue()).put("currency", parcel.currency());
            commodity.putObject("customsValue").put("amount", parcel.declaredValue()).put("currency", parcel.currency());
        }
        return request;
    }
}
