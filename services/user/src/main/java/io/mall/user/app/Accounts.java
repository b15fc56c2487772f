package io.mall.user.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.user.PasswordChanged;
import io.mall.contracts.user.UserErased;
import io.mall.contracts.user.UserRegistered;
import io.mall.contracts.user.UserUpdated;
import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;
import io.mall.domain.NotFound;
import io.mall.user.domain.EmailAddress;
import io.mall.user.domain.Language;
import io.mall.user.domain.Role;
import io.mall.user.domain.User;
import io.mall.user.messaging.OutboxRelay;
import io.mall.user.store.Account;
import io.mall.user.store.AccountReads;
import io.mall.user.store.Export;
import io.mall.user.store.Outbox;
import io.mall.user.store.Passwords;
import io.mall.personaldata.PersonalDataCipher;
import io.mall.user.store.RefreshTokenRepository;
import io.mall.user.store.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What can happen to an account, each in one transaction together with the event that reports it.
 */
@ApplicationScoped
public class Accounts {

    /** A page of accounts for staff. */
    public record Page(List<Account> items, long total, int page, int size) {
    }

    /** Fields of a profile update; null means "leave as it is", an empty string clears an optional field. */
    public record ProfileChange(String displayName, String phone, Language locale) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final UserRepository users;
    private final AccountReads reads;
    private final RefreshTokenRepository refreshTokens;
    private final Outbox outbox;
    private final Revocations revocations;
    private final OutboxRelay relay;
    private final Passwords passwords;
    private final CurrentPasswords currentPasswords;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Accounts(UserRepository users, AccountReads reads, RefreshTokenRepository refreshTokens, Outbox outbox,
            Revocations revocations, OutboxRelay relay, Passwords passwords, CurrentPasswords currentPasswords,
            PersonalDataCipher cipher, Clock clock) {
        this.users = users;
        this.reads = reads;
        this.currentPasswords = currentPasswords;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.revocations = revocations;
        this.relay = relay;
        this.passwords = passwords;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Uni<Account> register(String rawEmail, String password, String displayName, String phone,
            Language locale, Set<Role> roles) {
        String email = EmailAddress.normalise(rawEmail)
                .orElseThrow(() -> new BrokenRule("email", "must be an email address"));
        passwords.problemWith(password, email).ifPresent(problem -> {
            throw new BrokenRule("password", problem);
        });
        return passwords.hash(password)
                .chain(hash -> Panache.withTransaction(() -> users.findByEmail(email).chain(existing -> {
                    if (existing != null) {
                        throw emailTaken();
                    }
                    Instant now = clock.instant();
                    User user = User.register(email, hash, locale, now);
                    user.changeRoles(roles, now);
                    user.displayNameCipher = cipher.encrypt(displayName, user.id.toString());
                    user.phoneCipher = cipher.encrypt(blankToNull(phone), user.id.toString());
                    return users.persistAndFlush(user)
                            .call(saved -> outbox.add(Topics.USER_EVENTS, EventTypes.USER_REGISTERED, user.id,
                                    new UserRegistered(user.id, locale.name()), now));
                })))
                // two registrations of one email at once: the unique index lets exactly one commit
                .onFailure(Accounts::isUniqueViolation).transform(failure -> emailTaken())
                .invoke(relay::nudge)
                .map(this::view);
    }

    public Uni<Account> find(UUID id) {
        return reads.find(id).map(user -> view(liveOrNotFound(user, id)));
    }

    public Uni<Account> updateProfile(UUID id, ProfileChange change) {
        return Panache.withTransaction(() -> live(id).call(user -> {
            Instant now = clock.instant();
            if (change.displayName() != null) {
                user.displayNameCipher = cipher.encrypt(change.displayName(), user.id.toString());
            }
            if (change.phone() != null) {
                user.phoneCipher = cipher.encrypt(blankToNull(change.phone()), user.id.toString());
            }
            if (change.locale() != null) {
                user.locale = change.locale();
            }
            user.updatedAt = now;
            return publishUpdate(user, now);
        })).invoke(relay::nudge).map(this::view);
    }

    /** Needs the current password (through the sign-in throttle); signs out every other session of the account. */
    public Uni<Void> changePassword(UUID id, UUID currentSession, String current, String replacement, String address) {
        return Panache.withSession(() -> live(id)).chain(user -> {
            passwords.problemWith(replacement, user.email).ifPresent(problem -> {
                throw new BrokenRule("newPassword", problem);
            });
            return currentPasswords.check(user, current, "currentPassword", address).chain(() -> passwords.hash(replacement));
        }).chain(hash -> Panache.withTransaction(() -> live(id).chain(user -> {
            Instant now = clock.instant();
            user.passwordHash = hash;
            user.updatedAt = now;
            return revocations.endAllSessions(id, currentSession, now)
                    .call(() -> outbox.add(Topics.USER_EVENTS, EventTypes.USER_PASSWORD_CHANGED, id, new PasswordChanged(id, now), now));
        }))).invoke(relay::nudge);
    }

    /** Everything this service holds about the account, for its owner. */
    public Uni<Export> export(UUID id) {
        return Panache.withSession(() -> live(id).chain(user -> refreshTokens.list("userId = ?1 order by createdAt", id)
                .map(tokens -> new Export(view(user), tokens.stream()
                        .map(t -> new Export.Session(t.familyId, t.createdAt, t.expiresAt, t.usedAt, t.revokedAt))
                        .toList()))));
    }

    /**
     * Forgets the person: personal data removed, sessions revoked, {@code user.erased} published.
     * Needs the current password (through the sign-in throttle): a stolen session must not be enough.
     */
    public Uni<Void> erase(UUID id, String password, String address) {
        return Panache.withSession(() -> live(id)).chain(user -> currentPasswords.check(user, password, "password", address))
                .chain(() -> Panache.withTransaction(() -> live(id).chain(user -> {
            Instant now = clock.instant();
            user.erase(now);
            return revocations.endAllSessions(id, null, now)
                    .chain(() -> outbox.add(Topics.USER_EVENTS, EventTypes.USER_ERASED, id, new UserErased(id), now));
        }))).invoke(relay::nudge);
    }

    public Uni<Page> search(String text, Role role, int page, int size) {
        return Panache.withSession(() -> users.search(text, role, page, size)
                .chain(found -> users.count(text, role).map(total -> new Page(found.stream().map(this::view).toList(), total, page, size))));
    }

    /** A change of roles signs the account out everywhere: it signs in again to get tokens with the new roles. */
    public Uni<Account> changeRoles(UUID id, Set<Role> roles) {
        return Panache.withTransaction(() -> live(id).call(user -> {
            Instant now = clock.instant();
            // tokens carry the roles: the old ones must not outlive a change
            Uni<Void> sessions = user.changeRoles(roles, now) ? revocations.endAllSessions(id, null, now) : Uni.createFrom().voidItem();
            return sessions.chain(() -> publishUpdate(user, now));
        })).invoke(relay::nudge).map(this::view);
    }

    /** An administrator's lock: no sign-in and no refresh until unlocked; current sessions end. */
    public Uni<Account> lock(UUID id, boolean locked) {
        return Panache.withTransaction(() -> live(id).call(user -> {
            Instant now = clock.instant();
            user.adminLocked = locked;
            user.updatedAt = now;
            Uni<Void> sessions = locked ? revocations.endAllSessions(id, null, now) : Uni.createFrom().voidItem();
            return sessions.chain(() -> publishUpdate(user, now));
        })).invoke(relay::nudge).map(this::view);
    }

    /** Creates the first administrator from configuration, unless an account has that email already. */
    public Uni<Boolean> ensureAdmin(String email, String password) {
        String normalised = EmailAddress.normalise(email)
                .orElseThrow(() -> new IllegalStateException("mall.user.admin.email is not an email address"));
        return Panache.withSession(() -> users.findByEmail(normalised)).chain(existing -> existing != null
                ? Uni.createFrom().item(false)
                : register(normalised, password, "Administrator", null, Language.en, Set.of(Role.ADMIN)).replaceWith(true))
                .onFailure(BrokenRule.class).transform(problem -> new IllegalStateException(
                        "mall.user.admin.password is refused: " + ((BrokenRule) problem).field() + " " + problem.getMessage()));
    }

    public Account view(User user) {
        String owner = user.id.toString();
        return new Account(user.id, user.email, cipher.decrypt(user.displayNameCipher, owner),
                cipher.decrypt(user.phoneCipher, owner), user.locale, Set.copyOf(user.roles),
                user.adminLocked, user.createdAt, user.updatedAt);
    }

    private Uni<Void> publishUpdate(User user, Instant now) {
        return outbox.add(Topics.USER_EVENTS, EventTypes.USER_UPDATED, user.id,
                new UserUpdated(user.id, user.locale.name(), user.roles.stream().sorted().map(Enum::name).toList(), user.adminLocked),
                now);
    }

    /** The account, unless it does not exist or has been erased: then 404. */
    private Uni<User> live(UUID id) {
        return users.findById(id).map(user -> liveOrNotFound(user, id));
    }

    private static User liveOrNotFound(User user, UUID id) {
        if (user == null || user.isErased()) {
            throw new NotFound("no account " + id);
        }
        return user;
    }

    private static Conflict emailTaken() {
        return new Conflict("an account with this email exists already");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.vertx.pgclient.PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof org.hibernate.JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
