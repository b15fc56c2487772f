package io.mall.product.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.product.domain.Reservation;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;

/** The reservations collection. */
@ApplicationScoped
public class ReservationRepository implements ReactivePanacheMongoRepositoryBase<Reservation, String> {
}
