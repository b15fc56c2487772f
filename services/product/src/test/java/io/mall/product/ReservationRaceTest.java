package io.mall.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.contracts.product.StockLine;
import io.mall.product.app.Inventory;
import io.mall.product.domain.Reservation;
import io.mall.product.domain.StockItem;
import io.mall.testing.MallTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * A commit racing a release (on request, or by the expiry sweep of any replica) leaves a
 * reservation wholly committed or wholly released, never some lines of each, and no unit is lost
 * or made up.
 */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class ReservationRaceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int STOCK = 1_000;
    private static final int RACES = 100;

    @Inject
    Inventory inventory;
    @Inject
    io.mall.product.store.ReservationRepository reservations;

    @Test
    void holdsThatACrashLeftUnsettledAfterAReleaseAreGivenBackByTheExpirySweep() {
        String sku = Admin.stockedSku(Admin.category("Races", null), 5);
        UUID order = UUID.randomUUID();
        inventory.reserve(order, List.of(new StockLine(sku, 2))).await().atMost(WAIT);
        // the state moved to RELEASED, then the replica died before giving the holds back
        reservations.mongoCollection().updateOne(com.mongodb.client.model.Filters.eq("_id", order.toString()),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("state", Reservation.State.RELEASED.name()),
                        com.mongodb.client.model.Updates.set("holdsUnsettled", true),
                        com.mongodb.client.model.Updates.set("updatedAt", java.time.Instant.now().minus(Duration.ofMinutes(3)))))
                .await().atMost(WAIT);

        inventory.expire().await().atMost(WAIT);

        StockItem item = inventory.of(List.of(sku)).await().atMost(WAIT).get(0);
        assertThat(item.available).isEqualTo(5);
        assertThat(item.holds).isEmpty();
        assertThat(inventory.reservation(order).await().atMost(WAIT).holdsUnsettled).isFalse();
    }

    @Test
    void aCommitRacingAReleaseEndsWhollyOneOrTheOther() {
        String category = Admin.category("Races", null);
        List<String> skus = List.of(Admin.stockedSku(category, STOCK), Admin.stockedSku(category, STOCK), Admin.stockedSku(category, STOCK));
        List<UUID> orders = new ArrayList<>();

        for (int i = 0; i < RACES; i++) {
            UUID order = UUID.randomUUID();
            orders.add(order);
            inventory.reserve(order, skus.stream().map(sku -> new StockLine(sku, 1)).toList()).await().atMost(WAIT);
            boolean expiry = i % 2 == 1;
            Uni.combine().all().unis(
                    inventory.commit(order).onFailure().recoverWithNull(),
                    inventory.release(order, expiry).onFailure().recoverWithNull())
                    .discardItems().await().atMost(WAIT);
        }

        long committed = 0;
        for (UUID order : orders) {
            Reservation reservation = inventory.reservation(order).await().atMost(WAIT);
            assertThat(reservation.state).as(order.toString()).isIn(Reservation.State.COMMITTED, Reservation.State.RELEASED);
            if (reservation.state == Reservation.State.COMMITTED) {
                committed++;
            }
        }
        for (StockItem item : inventory.of(skus).await().atMost(WAIT)) {
            assertThat(item.reserved).as(item.sku + " reserved").isZero();
            assertThat(item.holds).as(item.sku + " holds").isEmpty();
            // every SKU lost exactly the units of the committed orders: none was half of each
            assertThat(item.available).as(item.sku + " available").isEqualTo(STOCK - committed);
        }
    }
}
