package io.mall.payment.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A card a shopper keeps for later orders: the gateway's reusable token and what the shopper recognises it by. */
@Entity
@Table(name = "saved_cards")
public class SavedCard {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    public String gateway;

    @Column(name = "gateway_token")
    public String gatewayToken;

    public String brand;

    public String last4;

    @Column(name = "exp_month")
    public int expMonth;

    @Column(name = "exp_year")
    public int expYear;

    @Column(name = "created_at")
    public Instant createdAt;

    public static SavedCard keep(UUID userId, String gateway, CardDetails card, Instant now) {
        SavedCard saved = new SavedCard();
        saved.id = UUID.randomUUID();
        saved.userId = userId;
        saved.gateway = gateway;
        saved.gatewayToken = card.token();
        saved.brand = card.brand();
        saved.last4 = card.last4();
        saved.expMonth = card.expMonth();
        saved.expYear = card.expYear();
        saved.createdAt = now;
        return saved;
    }

    public boolean belongsTo(UUID shopper) {
        return userId.equals(shopper);
    }

    public boolean hasExpired(YearMonth now) {
        return YearMonth.of(expYear, expMonth).isBefore(now);
    }
}
