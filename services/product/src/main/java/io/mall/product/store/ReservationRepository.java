package io.mall.product.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.mall.product.domain.PendingEvent;
import io.mall.product.domain.Reservation;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The reservations collection, keyed by order id: the first claim for an order is the only one. */
@ApplicationScoped
public class ReservationRepository implements ReactivePanacheMongoRepositoryBase<Reservation, String> {

    /** Inserts the claim; false when the order has one already. */
    public Uni<Boolean> claim(Reservation reservation) {
        return persist(reservation).replaceWith(true).onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
    }

    /**
     * Moves the reservation to {@code to} with its event if it is in one of {@code from}: one
     * guarded update, so of two changes racing from one state exactly one moves it. The reservation
     * after the move, or null when it was not in {@code from} (another change won). A move that
     * ends the holds ({@code holdsToSettle}) marks them as still to be given back or let go, until
     * {@link #holdsSettled}.
     */
    public Uni<Reservation> transition(String orderId, List<Reservation.State> from, Reservation.State to, PendingEvent event,
            Instant now, Instant expiresAt, List<String> unavailable, boolean holdsToSettle) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("state", to.name()), Updates.set("updatedAt", now),
                Updates.push("outbox", event)));
        if (expiresAt != null || unavailable != null) {
            changes.add(Updates.set("expiresAt", expiresAt));
            changes.add(Updates.set("unavailable", unavailable == null ? List.of() : unavailable));
        }
        if (holdsToSettle) {
            changes.add(Updates.set("holdsUnsettled", true));
        }
        return mongoCollection().findOneAndUpdate(and(eq("_id", orderId), in("state", from.stream().map(Enum::name).toList())),
                Updates.combine(changes), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Every hold of the reservation has been given back or let go. */
    public Uni<Void> holdsSettled(String orderId) {
        return mongoCollection().updateOne(eq("_id", orderId), Updates.set("holdsUnsettled", false)).replaceWithVoid();
    }

    /** Released or committed before {@code before}, with holds still to settle: a crash came between the two. */
    public Uni<List<Reservation>> unsettledSince(Instant before) {
        return list(new Document("holdsUnsettled", true).append("updatedAt", new Document("$lt", before)));
    }

    /** Reserved, and past their time. */
    public Uni<List<Reservation>> overdue(Instant now) {
        return list(new Document("state", Reservation.State.RESERVED.name()).append("expiresAt", new Document("$lt", now)));
    }

    /** Still pending since before {@code before}: a crash stopped placing their holds. */
    public Uni<List<Reservation>> pendingSince(Instant before) {
        return list(new Document("state", Reservation.State.PENDING.name()).append("createdAt", new Document("$lt", before)));
    }
}
