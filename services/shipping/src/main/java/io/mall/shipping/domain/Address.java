package io.mall.shipping.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One entry of a shopper's address book. The recipient is stored encrypted (the store seals and
 * opens it); the postal address in the clear, since couriers and fee rules read it.
 */
@Entity
@Table(name = "addresses")
public class Address {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    public String label;

    public String country;

    @Column(name = "postal_code")
    public String postalCode;

    public String region;

    public String city;

    public String line1;

    public String line2;

    @Column(name = "recipient_cipher")
    public String recipientCipher;

    @Column(name = "phone_cipher")
    public String phoneCipher;

    @Column(name = "is_default")
    public boolean isDefault;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public static Address create(UUID userId, String label, PostalAddress where, Instant now) {
        Address address = new Address();
        address.id = UUID.randomUUID();
        address.userId = userId;
        address.createdAt = now;
        address.change(label, where, now);
        return address;
    }

    public void change(String newLabel, PostalAddress where, Instant now) {
        label = newLabel == null || newLabel.isBlank() ? null : newLabel.strip();
        if (label != null && label.length() > 40) {
            throw new io.mall.domain.BrokenRule("label", "must be at most 40 characters");
        }
        country = where.country();
        postalCode = where.postalCode();
        region = where.region();
        city = where.city();
        line1 = where.line1();
        line2 = where.line2();
        updatedAt = now;
    }

    public PostalAddress postalAddress() {
        return new PostalAddress(country, postalCode, region, city, line1, line2);
    }

    public boolean belongsTo(UUID shopper) {
        return userId.equals(shopper);
    }
}
