package io.mall.user.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An account. Names and phone are held only encrypted ({@code *Cipher}); the password only as a
 * bcrypt hash. An erased account keeps its id (other services' records point at it) and nothing
 * else that identifies a person.
 */
@Entity
@Table(name = "users")
public class User {

    @Id
    public UUID id;

    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "display_name_cipher")
    public String displayNameCipher;

    @Column(name = "phone_cipher")
    public String phoneCipher;

    @Enumerated(EnumType.STRING)
    public Language locale;

    @Convert(converter = RolesConverter.class)
    public Set<Role> roles = EnumSet.of(Role.CUSTOMER);

    /** The same column as text, read-only: what queries filter on ({@code roleList like '%ADMIN%'}). */
    @Column(name = "roles", insertable = false, updatable = false)
    String roleList;

    @Column(name = "admin_locked")
    public boolean adminLocked;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    public long version;

    public static User register(String email, String passwordHash, Language locale, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = email;
        user.passwordHash = passwordHash;
        user.locale = locale;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /**
     * Whether this account may sign in or refresh its session now (its password aside): wrong
     * passwords slow sign-in down (see {@link LoginThrottle}) but never lock an account; only an
     * administrator's lock or erasure does.
     */
    public boolean maySignIn(Instant now) {
        return !isErased() && !adminLocked;
    }

    /** Every account is a customer besides its other roles; tells whether the roles are now different. */
    public boolean changeRoles(Set<Role> newRoles, Instant now) {
        EnumSet<Role> all = EnumSet.of(Role.CUSTOMER);
        all.addAll(newRoles);
        boolean changed = !all.equals(roles);
        roles = all;
        updatedAt = now;
        return changed;
    }

    /** Removes everything that identifies the person; the id stays so references elsewhere still resolve. */
    public void erase(Instant now) {
        email = "erased-" + id + "@erased.invalid";
        passwordHash = null;
        displayNameCipher = null;
        phoneCipher = null;
        roles = EnumSet.of(Role.CUSTOMER);
        erasedAt = now;
        updatedAt = now;
    }
}
