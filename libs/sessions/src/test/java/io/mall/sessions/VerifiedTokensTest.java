package io.mall.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** Verifies tokens named "good-<expiry epoch second>"; refuses anything else. Counts its checks. */
    static final class CountingVerifier implements JWTParser {
        final Map<String, Integer> checks = new HashMap<>();

        @Override
        public JsonWebToken parse(String text) throws ParseException {
            checks.merge(text, 1, Integer::sum);
            if (!text.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            long expiry = Long.parseLong(text.substring(5));
            if (expiry <= clockNow.getEpochSecond()) {
                throw new ParseException("expired");
            }
            return token(expiry);
        }

        Instant clockNow = NOW;

        int checks(String text) {
            return checks.getOrDefault(text, 0);
        }

        @Override
        public JsonWebToken parse(String text, JWTAuthContextInfo context) throws ParseException {
            return parse(text);
        }

        @Override
        public JsonWebToken verify(String text, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String text, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String text, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String text, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String text, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String text, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String text) {
            throw new UnsupportedOperationException();
        }
    }

    /** A shopper's token (group CUSTOMER) that expires at {@code expiry}. */
    static JsonWebToken token(long expiry) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "shopper";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp", "groups");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claim) {
                return switch (claim) {
                    case "exp" -> (T) Long.valueOf(expiry);
                    case "groups" -> (T) Set.of("CUSTOMER");
                    default -> null;
                };
            }
        };
    }

    private final CountingVerifier verifier = new CountingVerifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clockOf(verifier));

    /** A clock that reads the verifier's time, so that the kept tokens and their checks agree on now. */
    static Clock clockOf(CountingVerifier verifier) {
        return new Clock() {
            @Override
            public Instant instant() {
                return verifier.clockNow;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }

    /** The kept tokens, asked at {@code now} (the verifier's clock moves with it). */
    private VerifiedTokens at(Instant now) {
        verifier.clockNow = now;
        return tokens;
    }

    @Test
    void aTokenIsVerifiedOnceWhileItLives() throws Exception {
        String text = "good-" + NOW.plus(Duration.ofMinutes(5)).getEpochSecond();

        for (int i = 0; i < 10; i++) {
            assertThat(at(NOW.plusSeconds(i)).parse(text).getName()).isEqualTo("shopper");
        }

        assertThat(verifier.checks(text)).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsCheckedAgainAndRefused() throws Exception {
        String text = "good-" + NOW.plusSeconds(30).getEpochSecond();
        at(NOW).parse(text);

        assertThatThrownBy(() -> at(NOW.plusSeconds(31)).parse(text)).isInstanceOf(ParseException.class);
        assertThat(verifier.checks(text)).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> at(NOW).parse("forged")).isInstanceOf(ParseException.class);
        }

        assertThat(verifier.checks("forged")).isEqualTo(3);
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterTheLongestKeep() throws Exception {
        String text = "good-" + NOW.plus(Duration.ofHours(1)).getEpochSecond();
        at(NOW).parse(text);
        at(NOW.plus(VerifiedTokens.MAX_KEPT).minusSeconds(1)).parse(text);
        assertThat(verifier.checks(text)).isEqualTo(1);

        at(NOW.plus(VerifiedTokens.MAX_KEPT).plusSeconds(1)).parse(text);
        assertThat(verifier.checks(text)).isEqualTo(2);
    }

    @Test
    void atMostTheLimitIsKept() throws Exception {
        long expiry = NOW.plus(Duration.ofMinutes(5)).getEpochSecond();

        for (int i = 0; i < VerifiedTokens.MAX_TOKENS * 2; i++) {
            at(NOW).parse("good-" + (expiry + i));
        }

        assertThat(tokens.size()).isBetween(1L, (long) VerifiedTokens.MAX_TOKENS);
    }

    @Test
    void aTokenInUseStaysKeptThroughAFloodOfOthers() throws Exception {
        long expiry = NOW.plus(Duration.ofMinutes(5)).getEpochSecond();
        String inUse = "good-" + expiry;
        VerifiedTokens store = at(NOW);

        for (int i = 1; i <= VerifiedTokens.MAX_TOKENS * 3; i++) {
            store.parse(inUse);
            store.parse("good-" + (expiry + i));
        }

        assertThat(verifier.checks(inUse)).isEqualTo(1);
    }
}
