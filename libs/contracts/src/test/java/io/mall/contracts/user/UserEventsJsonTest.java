package io.mall.contracts.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.EventEnvelope;
import io.mall.contracts.EventTypes;

class UserEventsJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final UUID userId = UUID.randomUUID();

    @Test
    void userRegisteredTravelsWithItsIdAndLocaleAndNoPersonalData() throws Exception {
        UserRegistered registered = new UserRegistered(userId, "ko");

        JsonNode data = json.readTree(json.writeValueAsString(envelope(EventTypes.USER_REGISTERED, registered))).get("data");

        assertThat(data.get("userId").asText()).isEqualTo(userId.toString());
        assertThat(data.get("locale").asText()).isEqualTo("ko");
        assertThat(data.has("email")).isFalse();
        assertThat(data.has("displayName")).isFalse();
    }

    @Test
    void userUpdatedReadsBackEqual() throws Exception {
        UserUpdated updated = new UserUpdated(userId, "en", List.of("ADMIN", "CUSTOMER"), true);

        EventEnvelope<UserUpdated> read = json.readValue(json.writeValueAsString(envelope(EventTypes.USER_UPDATED, updated)),
                new TypeReference<>() {
                });

        assertThat(read.data()).isEqualTo(updated);
        assertThat(read.subject()).isEqualTo(userId.toString());
    }

    @Test
    void userErasedCarriesOnlyTheId() throws Exception {
        JsonNode data = json.readTree(json.writeValueAsString(envelope(EventTypes.USER_ERASED, new UserErased(userId)))).get("data");

        assertThat(data.size()).isEqualTo(1);
        assertThat(data.get("userId").asText()).isEqualTo(userId.toString());
    }

    @Test
    void sessionsRevokedReadsBackEqualWithItsExpiryAsAnInstant() throws Exception {
        SessionsRevoked revoked = new SessionsRevoked(userId, List.of(UUID.randomUUID(), UUID.randomUUID()),
                Instant.parse("2026-11-26T10:16:00Z"));

        String written = json.writeValueAsString(envelope(EventTypes.USER_SESSIONS_REVOKED, revoked));
        EventEnvelope<SessionsRevoked> read = json.readValue(written, new TypeReference<>() {
        });

        assertThat(read.data()).isEqualTo(revoked);
        assertThat(json.readTree(written).get("data").get("tokensExpireBy").asText()).isEqualTo("2026-11-26T10:16:00Z");
    }

    @Test
    void aSignInAndAPasswordChangeSayWhenAndNotFromWhere() throws Exception {
        SignedIn signedIn = new SignedIn(userId, UUID.randomUUID(), Instant.parse("2026-11-26T09:30:00Z"));
        PasswordChanged changed = new PasswordChanged(userId, Instant.parse("2026-11-26T09:31:00Z"));

        EventEnvelope<SignedIn> readSignIn = json.readValue(json.writeValueAsString(envelope(EventTypes.USER_SIGNED_IN, signedIn)),
                new TypeReference<>() {
                });
        JsonNode changeData = json.readTree(json.writeValueAsString(envelope(EventTypes.USER_PASSWORD_CHANGED, changed))).get("data");

        assertThat(readSignIn.data()).isEqualTo(signedIn);
        assertThat(json.valueToTree(signedIn).has("address")).isFalse();
        assertThat(changeData.get("at").asText()).isEqualTo("2026-11-26T09:31:00Z");
        assertThat(json.treeToValue(changeData, PasswordChanged.class)).isEqualTo(changed);
    }

    private <T> EventEnvelope<T> envelope(String type, T data) {
        return new EventEnvelope<>(UUID.randomUUID(), type, "user", Instant.parse("2026-11-24T10:00:00Z"),
                userId.toString(), null, data);
    }
}
