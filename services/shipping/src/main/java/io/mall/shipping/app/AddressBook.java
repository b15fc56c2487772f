package io.mall.shipping.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.personaldata.PersonalDataCipher;
import io.mall.shipping.ShippingConfig;
import io.mall.shipping.domain.Address;
import io.mall.shipping.domain.PostalAddress;
import io.mall.shipping.domain.Recipient;
import io.mall.shipping.store.AddressRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A shopper's addresses: the first one is the default, one default at most, a deleted default
 * passes to the newest remaining address. Each change holds the shopper's address-book lock, so
 * parallel requests cannot leave two defaults or none. Another shopper's address is as unknown as
 * one that does not exist.
 */
@ApplicationScoped
public class AddressBook {

    /** An address with its recipient opened for its owner. */
    public record Entry(Address address, Recipient recipient) {
    }

    private final AddressRepository addresses;
    private final PersonalDataCipher cipher;
    private final int limit;
    private final Clock clock;

    AddressBook(AddressRepository addresses, PersonalDataCipher cipher, ShippingConfig config, Clock clock) {
        this.addresses = addresses;
        this.cipher = cipher;
        this.limit = config.addressesPerShopper();
        this.clock = clock;
    }

    public Uni<List<Entry>> of(UUID shopper) {
        return Panache.withSession(() -> addresses.of(shopper)).map(found -> found.stream().map(this::open).toList());
    }

    public Uni<Entry> find(UUID shopper, UUID id) {
        return Panache.withSession(() -> owned(shopper, id)).map(this::open);
    }

    public Uni<Entry> add(UUID shopper, String label, PostalAddress where, Recipient recipient, boolean makeDefault) {
        return Panache.withTransaction(() -> addresses.ofLocked(shopper).chain(book -> {
            if (book.size() >= limit) {
                throw new Conflict("an address book keeps at most " + limit + " addresses; delete one first");
            }
            Instant now = clock.instant();
            Address address = Address.create(shopper, label, where, now);
            seal(address, recipient);
            boolean isDefault = makeDefault || book.stream().noneMatch(existing -> existing.isDefault);
            return clearDefault(book, isDefault, now).chain(() -> {
                address.isDefault = isDefault;
                return addresses.persist(address);
            });
        })).map(this::open);
    }

    public Uni<Entry> change(UUID shopper, UUID id, String label, PostalAddress where, Recipient recipient, boolean makeDefault) {
        return Panache.withTransaction(() -> addresses.ofLocked(shopper).chain(book -> {
            Address address = book.stream().filter(candidate -> candidate.id.equals(id)).findFirst()
                    .orElseThrow(() -> new NotFound("no address " + id));
            Instant now = clock.instant();
            address.change(label, where, now);
            seal(address, recipient);
            if (!makeDefault || address.isDefault) {
                return Uni.createFrom().item(address);
            }
            return clearDefault(book, true, now).invoke(() -> address.isDefault = true).replaceWith(address);
        })).map(this::open);
    }

    public Uni<Entry> makeDefault(UUID shopper, UUID id) {
        return Panache.withTransaction(() -> addresses.ofLocked(shopper).chain(book -> {
            Address address = book.stream().filter(candidate -> candidate.id.equals(id)).findFirst()
                    .orElseThrow(() -> new NotFound("no address " + id));
            if (address.isDefault) {
                return Uni.createFrom().item(address);
            }
            Instant now = clock.instant();
            return clearDefault(book, true, now).invoke(() -> {
                address.isDefault = true;
                address.updatedAt = now;
            }).replaceWith(address);
        })).map(this::open);
    }

    /** Deleting the default makes the newest remaining address the default. */
    public Uni<Void> delete(UUID shopper, UUID id) {
        return Panache.withTransaction(() -> addresses.ofLocked(shopper).chain(book -> {
            Address address = book.stream().filter(candidate -> candidate.id.equals(id)).findFirst()
                    .orElseThrow(() -> new NotFound("no address " + id));
            Uni<Void> deleted = addresses.delete(address).call(() -> addresses.flush());
            if (!address.isDefault) {
                return deleted;
            }
            return deleted.chain(() -> book.stream().filter(other -> !other.id.equals(id)).findFirst()
                    .map(next -> {
                        next.isDefault = true;
                        next.updatedAt = clock.instant();
                        return addresses.flush();
                    })
                    .orElseGet(() -> Uni.createFrom().voidItem()));
        }));
    }

    /** The old default stops being one, written before the new one is, so the one-default index never sees two. */
    private Uni<Void> clearDefault(List<Address> book, boolean newDefault, Instant now) {
        if (!newDefault) {
            return Uni.createFrom().voidItem();
        }
        book.stream().filter(existing -> existing.isDefault).forEach(existing -> {
            existing.isDefault = false;
            existing.updatedAt = now;
        });
        return addresses.flush();
    }

    private Uni<Address> owned(UUID shopper, UUID id) {
        return addresses.findById(id).map(address -> {
            if (address == null || !address.belongsTo(shopper)) {
                throw new NotFound("no address " + id);
            }
            return address;
        });
    }

    private void seal(Address address, Recipient recipient) {
        address.recipientCipher = cipher.encrypt(recipient.name(), address.id.toString());
        address.phoneCipher = cipher.encrypt(recipient.phone(), address.id.toString());
    }

    private Entry open(Address address) {
        String owner = address.id.toString();
        return new Entry(address, new Recipient(cipher.decrypt(address.recipientCipher, owner), cipher.decrypt(address.phoneCipher, owner)));
    }
}
