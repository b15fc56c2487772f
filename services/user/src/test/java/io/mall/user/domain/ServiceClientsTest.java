package io.mall.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceClientsTest {

    private final ServiceClients clients = new ServiceClients(Map.of(
            "cart", ServiceClients.hash("cart-secret"),
            "order", ServiceClients.hash("order-secret").toUpperCase()));

    @Test
    void aClientWithItsOwnSecretIsAuthenticatedByItsId() {
        assertThat(clients.authenticate("cart", "cart-secret")).contains("cart");
        assertThat(clients.authenticate("order", "order-secret")).contains("order");
    }

    @Test
    void anotherClientsSecretAWrongOneOrNoneAuthenticatesNobody() {
        assertThat(clients.authenticate("cart", "order-secret")).isEmpty();
        assertThat(clients.authenticate("cart", "cart-secret ")).isEmpty();
        assertThat(clients.authenticate("cart", "")).isEmpty();
        assertThat(clients.authenticate("cart", null)).isEmpty();
        assertThat(clients.authenticate(null, "cart-secret")).isEmpty();
    }

    @Test
    void anUnknownClientIsNotAuthenticatedWhateverItsSecret() {
        assertThat(clients.authenticate("payment", "cart-secret")).isEmpty();
        // the stand-in compared for unknown ids is all zeros, which no secret hashes to, but be sure
        assertThat(new ServiceClients(Map.of()).authenticate("nobody", "")).isEmpty();
    }

    @Test
    void aConfiguredHashThatIsNotSha256IsRefusedAtStart() {
        assertThatThrownBy(() -> new ServiceClients(Map.of("cart", "plain-secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cart");
    }
}
