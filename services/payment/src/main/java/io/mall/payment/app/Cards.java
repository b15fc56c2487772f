package io.mall.payment.app;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.BrokenRule;
import io.mall.domain.NotFound;
import io.mall.payment.client.Gateways;
import io.mall.payment.domain.PaymentMethod;
import io.mall.payment.domain.SavedCard;
import io.mall.payment.store.SavedCardRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A shopper's saved cards: kept by gateway token, seen and deleted only by their owner. */
@ApplicationScoped
public class Cards {

    private final SavedCardRepository cards;
    private final Gateways gateways;
    private final Clock clock;

    Cards(SavedCardRepository cards, Gateways gateways, Clock clock) {
        this.cards = cards;
        this.gateways = gateways;
        this.clock = clock;
    }

    public Uni<List<SavedCard>> of(UUID shopper) {
        return Panache.withSession(() -> cards.of(shopper));
    }

    /** Keeps the card behind a token the gateway gave the shopper; saving one token twice keeps it once. */
    public Uni<SavedCard> save(UUID shopper, String token) {
        String gateway = gateways.forMethod(PaymentMethod.CARD);
        return gateways.card(gateway, token).chain(details -> {
            if (details.hasExpired(YearMonth.now(clock))) {
                throw new BrokenRule("token", "the card has expired");
            }
            return Panache.withTransaction(() -> cards.findByToken(shopper, gateway, token).chain(existing -> existing != null
                    ? Uni.createFrom().item(existing)
                    : cards.persist(SavedCard.keep(shopper, gateway, details, clock.instant()))));
        });
    }

    /** Another shopper's card is as unknown as a card that never existed. */
    public Uni<Void> delete(UUID shopper, UUID cardId) {
        return Panache.withTransaction(() -> cards.deleteOwned(cardId, shopper)).map(deleted -> {
            if (!deleted) {
                throw new NotFound("no saved card " + cardId);
            }
            return null;
        });
    }
}
