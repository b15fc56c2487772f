package io.mall.shipping.app;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.shipping.store.AddressRepository;
import io.mall.shipping.store.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A shopper asked to be forgotten: their address book goes, and their shipments lose who and
 * where exactly (the recipient's name and phone, the street lines). What stays is what a parcel's
 * history and the shop's books need: the order, the carrier and tracking number, the country,
 * postal code and city, and the scans.
 */
@ApplicationScoped
public class Erasures {

    private final AddressRepository addresses;
    private final ShipmentRepository shipments;

    Erasures(AddressRepository addresses, ShipmentRepository shipments) {
        this.addresses = addresses;
        this.shipments = shipments;
    }

    public Uni<Void> erase(UUID shopper) {
        return Panache.withTransaction(() -> addresses.delete("userId", shopper).chain(() -> shipments.forget(shopper)))
                .replaceWithVoid();
    }
}
