package io.mall.shipping.client;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.mall.domain.NotFound;
import io.mall.shipping.ShippingConfig;
import io.mall.shipping.domain.PostalAddress;

/**
 * The carriers this service works with, and which one takes a parcel: the domestic carrier for
 * Korea, the international one elsewhere (both named in {@code mall.shipping.carriers.*}).
 */
@ApplicationScoped
public class Carriers {

    private final Map<String, Carrier> byName;
    private final String domestic;
    private final Optional<String> international;
    private final Map<String, String> byCountry;

    Carriers(@Any Instance<Carrier> carriers, ShippingConfig config) {
        this.byName = carriers.stream().collect(Collectors.toUnmodifiableMap(Carrier::name, Function.identity()));
        this.domestic = config.carriers().domestic();
        this.international = config.carriers().international();
        this.byCountry = config.carriers().byCountry();
        byCountry.values().stream().filter(name -> !byName.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalStateException("mall.shipping.carriers.by-country names no carrier: " + name);
        });
        if (!byName.containsKey(domestic)) {
            throw new IllegalStateException("mall.shipping.carriers.domestic names no carrier: " + domestic + " (known: " + byName.keySet() + ")");
        }
        international.filter(name -> !byName.containsKey(name)).ifPresent(name -> {
            throw new IllegalStateException("mall.shipping.carriers.international names no carrier: " + name);
        });
    }

    /** The carrier that takes a parcel to {@code destination}. */
    public Carrier forDestination(PostalAddress destination) {
        String name = destination.isKorean() ? domestic : Optional.ofNullable(byCountry.get(destination.country()))
                .or(() -> international)
                .orElseThrow(() -> new CarrierRefusal("no carrier is set up to deliver outside Korea"));
        Carrier carrier = byName.get(name);
        if (!carrier.delivers(destination)) {
            throw new CarrierRefusal(name + " does not deliver to " + destination.country());
        }
        return carrier;
    }

    /** A carrier by the name shipments and webhook paths use. */
    public Carrier named(String name) {
        Carrier carrier = byName.get(name);
        if (carrier == null) {
            throw new NotFound("no carrier " + name);
        }
        return carrier;
    }
}
