package io.mall.user.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.contracts.EventTypes;
import io.mall.contracts.Topics;
import io.mall.contracts.user.SignedIn;
import io.mall.domain.DomainException;
import io.mall.domain.NotAuthenticated;
import io.mall.domain.NotPermitted;
import io.mall.user.UserConfig;
import io.mall.user.domain.EmailAddress;
import io.mall.user.domain.OpaqueTokens;
import io.mall.user.domain.RefreshToken;
import io.mall.user.domain.User;
import io.mall.user.messaging.OutboxRelay;
import io.mall.user.store.AccessTokens;
import io.mall.user.store.Outbox;
import io.mall.user.store.Passwords;
import io.mall.user.store.RefreshTokenRepository;
import io.mall.user.store.UserRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Sign-in sessions: a sign-in starts a refresh-token family; each refresh uses up one token and
 * issues the next; signing out, or presenting a token that was already used, ends the family.
 */
@ApplicationScoped
public class Sessions {

    /** What a client gets on sign-in and on refresh. */
    public record Tokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }

    private static final String WRONG_CREDENTIALS = "the email or the password is wrong";

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final Passwords passwords;
    private final AccessTokens accessTokens;
    private final Revocations revocations;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final PasswordAttempts attempts;
    private final Duration refreshLifetime;
    private final Duration sessionLifetime;
    private final Vertx vertx;
    private final Clock clock;

    Sessions(UserRepository users, RefreshTokenRepository refreshTokens, Passwords passwords,
            AccessTokens accessTokens, Revocations revocations, Outbox outbox, OutboxRelay relay, PasswordAttempts attempts,
            UserConfig config, Vertx vertx, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.revocations = revocations;
        this.outbox = outbox;
        this.relay = relay;
        this.attempts = attempts;
        this.refreshLifetime = config.tokens().refreshLifetime();
        this.sessionLifetime = config.tokens().sessionLifetime();
        this.vertx = vertx;
        this.clock = clock;
    }

    /**
     * An unknown email, a wrong password and a throttled attempt get the same answer, so the answer
     * neither confirms a right guess nor reveals that an account exists. The attempt is counted and
     * checked before the password is (one statement per count: a burst of parallel guesses gets
     * exactly the attempts the throttle allows, and only those cost a bcrypt); a correct password
     * forgets the account's counts.
     *
     * @param address the client's address (the edge or Ingress sets it, see {@code quarkus.http.proxy})
     */
    public Uni<Tokens> signIn(String rawEmail, String password, String address) {
        String email = EmailAddress.normalise(rawEmail).orElse(rawEmail.strip().toLowerCase(java.util.Locale.ROOT));
        // refused before an attempt is counted: a sign-in turned away for load costs the account nothing
        return Uni.createFrom().voidItem().invoke(passwords::admit).chain(() -> attempts.take(email, address, true))
                .chain(allowed -> {
                    if (!allowed) {
                        throw new NotAuthenticated(WRONG_CREDENTIALS);
                    }
                    return Panache.withSession(() -> users.findByEmail(email));
                })
                .chain(user -> {
                    String hash = user == null || user.isErased() ? null : user.passwordHash;
                    return passwords.matches(password, hash).chain(matches -> {
                        if (!matches) {
                            throw new NotAuthenticated(WRONG_CREDENTIALS);
                        }
                        return attempts.succeeded(email, address, true)
                                // a hash written before pre-hashing is replaced now that the password is known
                                .chain(() -> Passwords.isOutdated(hash) ? passwords.hash(password) : Uni.createFrom().<String>nullItem())
                                .chain(upgraded -> Panache.<Outcome>withTransaction(() -> users.findById(user.id).chain(current -> {
                                    if (upgraded != null) {
                                        current.passwordHash = upgraded;
                                    }
                                    return startSession(current).call(this::announceSignIn);
                                })))
                                .invoke(relay::nudge)
                                .map(outcome -> outcome.orThrow());
                    });
                })
                .chain(this::sign);
    }

    /** Counts of sign-in attempts that stopped mattering. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> forgetIdleAttempts() {
        return attempts.pruneIdle(clock.instant()).onFailure().recoverWithNull();
    }

    /** Uses up {@code presented} and returns the next tokens of its family. */
    public Uni<Tokens> refresh(String presented) {
        String hash = OpaqueTokens.hash(presented);
        return Panache.withTransaction(() -> refreshTokens.findForUpdate(hash).chain(token -> {
            Instant now = clock.instant();
            if (token == null) {
                return Uni.createFrom().item(Outcome.refused(new NotAuthenticated("unknown refresh token")));
            }
            if (token.isReplay()) {
                // a copy of a used token is in someone else's hands: end the whole session
                return revocations.endSession(token.userId, token.familyId, now).replaceWith(Outcome.refusedAfterAnnouncing(
                        new NotAuthenticated("this refresh token was used before; the session is ended")));
            }
            if (token.sessionOver(now, sessionLifetime)) {
                return Uni.createFrom().item(Outcome.refused(new NotAuthenticated("the session has ended; sign in again")));
            }
            if (!token.isUsable(now)) {
                return Uni.createFrom().item(Outcome.refused(new NotAuthenticated("the refresh token has expired or was revoked")));
            }
            return users.findById(token.userId).chain(user -> {
                if (user == null || !user.maySignIn(now)) {
                    // refused, not revoked: a lock from wrong guesses must not sign the owner out
                    return Uni.createFrom().item(Outcome.refused(new NotAuthenticated("the account may not sign in now")));
                }
                token.usedAt = now;
                String next = OpaqueTokens.newToken();
                return persist(user, token.next(OpaqueTokens.hash(next), now, refreshLifetime, sessionLifetime), next);
            });
        })).invoke(outcome -> {
            // only a replay wrote an event (the session's end): a plain rotation has nothing to
            // send, and a run of the relay is a query of its own
            if (outcome.announced()) {
                relay.nudge();
            }
        }).map(Outcome::orThrow).chain(this::sign);
    }

    /**
     * Ends the session the refresh token belongs to, its access tokens included; unknown tokens end
     * nothing and say nothing.
     */
    public Uni<Void> signOut(String presented) {
        String hash = OpaqueTokens.hash(presented);
        return Panache.withTransaction(() -> refreshTokens.find("tokenHash", hash).firstResult()
                .chain(token -> token == null ? Uni.createFrom().voidItem()
                        : revocations.endSession(token.userId, token.familyId, clock.instant())))
                .invoke(relay::nudge);
    }

    private Uni<Outcome> startSession(User user) {
        Instant now = clock.instant();
        if (!user.maySignIn(now)) {
            String why = user.adminLocked ? "this account is locked; contact support" : "this account may not sign in";
            return Uni.createFrom().item(Outcome.refused(new NotPermitted(why)));
        }
        return issueRefresh(user, UUID.randomUUID(), now);
    }

    /** The owner is told of every new session, so one they did not start is noticed (a refresh is not one). */
    private Uni<Void> announceSignIn(Outcome outcome) {
        if (outcome.refusal() != null) {
            return Uni.createFrom().voidItem();
        }
        return outbox.add(Topics.USER_EVENTS, EventTypes.USER_SIGNED_IN, outcome.user().id,
                new SignedIn(outcome.user().id, outcome.family(), clock.instant()), clock.instant());
    }

    private Uni<Outcome> issueRefresh(User user, UUID family, Instant now) {
        String token = OpaqueTokens.newToken();
        return persist(user, RefreshToken.issue(user.id, family, OpaqueTokens.hash(token), now, refreshLifetime), token);
    }

    private Uni<Outcome> persist(User user, RefreshToken next, String token) {
        return refreshTokens.persist(next).replaceWith(Outcome.granted(user, next.familyId, token,
                Math.max(0, Duration.between(next.createdAt, next.expiresAt).toSeconds())));
    }

    private Uni<Tokens> sign(Outcome granted) {
        return vertx.executeBlocking(() -> {
            AccessTokens.Issued access = accessTokens.issue(granted.user(), granted.family());
            return new Tokens(access.token(), access.expiresInSeconds(), granted.refreshToken(), granted.refreshExpiresIn());
        }, false);
    }

    /**
     * The result of a transaction that must commit even when the request is refused (a counted
     * failure, a revoked family): the refusal is thrown only after the commit.
     */
    private record Outcome(User user, UUID family, String refreshToken, long refreshExpiresIn, DomainException refusal,
            boolean announced) {

        static Outcome granted(User user, UUID family, String refreshToken, long refreshExpiresIn) {
            return new Outcome(user, family, refreshToken, refreshExpiresIn, null, false);
        }

        static Outcome refused(DomainException refusal) {
            return new Outcome(null, null, null, 0, refusal, false);
        }

        /** Refused, with an event written to the outbox in the same transaction. */
        static Outcome refusedAfterAnnouncing(DomainException refusal) {
            return new Outcome(null, null, null, 0, refusal, true);
        }

        Outcome orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return this;
        }
    }
}
