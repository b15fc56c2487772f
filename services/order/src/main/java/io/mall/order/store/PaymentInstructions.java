package io.mall.order.store;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * How the shopper pays an order, kept from placement until the charge is asked for, then deleted
 * (a card token is a secret of the card: it never enters an event or a log).
 */
@ApplicationScoped
public class PaymentInstructions {

    /** The instrument: a new card's token, a saved card, or (wallet) where to come back to. */
    public record Instruction(String cardToken, UUID savedCardId, boolean saveCard, String returnUrl) {

        @Override
        public String toString() {
            return "Instruction[card token " + (cardToken == null ? "none" : "given") + ", saved card " + savedCardId + "]";
        }
    }

    public Uni<Void> keep(SqlClient connection, UUID orderId, Instruction instruction) {
        return connection.preparedQuery("INSERT INTO payment_instructions (order_id, card_token, saved_card_id, save_card, return_url)"
                + " VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(orderId, instruction.cardToken(), instruction.savedCardId(), instruction.saveCard(), instruction.returnUrl()))
                .replaceWithVoid();
    }

    /** The order's instruction, deleted as it is read (none: already used, or the order is not ours). */
    public Uni<Instruction> take(SqlClient connection, UUID orderId) {
        return connection.preparedQuery("DELETE FROM payment_instructions WHERE order_id = $1"
                + " RETURNING card_token, saved_card_id, save_card, return_url").execute(Tuple.of(orderId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new Instruction(null, null, false, null);
                    }
                    var row = rows.iterator().next();
                    return new Instruction(row.getString("card_token"), row.getUUID("saved_card_id"), row.getBoolean("save_card"),
                            row.getString("return_url"));
                });
    }
}
