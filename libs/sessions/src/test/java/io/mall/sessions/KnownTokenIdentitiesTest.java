package io.mall.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;

class KnownTokenIdentitiesTest {

    private final VerifiedTokensTest.CountingVerifier verifier = new VerifiedTokensTest.CountingVerifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, VerifiedTokensTest.clockOf(verifier));
    private final KnownTokenIdentities identities = new KnownTokenIdentities(tokens);

    private SecurityIdentity authenticate(String text) {
        return identities.authenticate(new TokenAuthenticationRequest(new JsonWebTokenCredential(text)), null)
                .await().indefinitely();
    }

    @Test
    void aTokenNotVerifiedYetIsLeftToTheJwtExtensionUnchecked() {
        String text = "good-" + VerifiedTokensTest.NOW.plus(Duration.ofMinutes(5)).getEpochSecond();

        assertThat(authenticate(text)).isNull();
        assertThat(authenticate("forged")).isNull();
        assertThat(verifier.checks(text) + verifier.checks("forged")).isZero();
    }

    @Test
    void aTokenVerifiedBeforeHasItsIdentityAtOnceWithoutAnotherCheck() throws Exception {
        String text = "good-" + VerifiedTokensTest.NOW.plus(Duration.ofMinutes(5)).getEpochSecond();
        tokens.parse(text);

        SecurityIdentity identity = authenticate(text);

        assertThat(identity.getPrincipal().getName()).isEqualTo("shopper");
        assertThat(identity.getRoles()).containsExactly("CUSTOMER");
        assertThat(identity.getCredential(JsonWebTokenCredential.class).getToken()).isEqualTo(text);
        assertThat((Object) identity.getAttribute("quarkus.user")).isSameAs(identity.getPrincipal());
        assertThat(verifier.checks(text)).isEqualTo(1);
    }

    @Test
    void aKeptTokenPastItsExpiryIsLeftToTheJwtExtensionToRefuse() throws Exception {
        String text = "good-" + VerifiedTokensTest.NOW.plusSeconds(30).getEpochSecond();
        tokens.parse(text);

        verifier.clockNow = VerifiedTokensTest.NOW.plusSeconds(31);

        assertThat(authenticate(text)).isNull();
    }
}
