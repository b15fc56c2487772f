package io.mall.payment.client.sandbox;

import io.mall.payment.domain.CardNumber;

/**
 * The sandbox's test cards, numbered as Stripe's are, so the same numbers work against both. Any
 * other valid number is charged successfully.
 *
 * <table>
 * <tr><td>4242 4242 4242 4242, 5555 5555 5555 4444</td><td>charged</td></tr>
 * <tr><td>4000 0000 0000 0002</td><td>declined</td></tr>
 * <tr><td>4000 0000 0000 9995</td><td>insufficient funds</td></tr>
 * <tr><td>4000 0000 0000 0069</td><td>expired card</td></tr>
 * <tr><td>4000 0000 0000 0119</td><td>processing error</td></tr>
 * <tr><td>4000 0000 0000 0077</td><td>charged, but the answer comes late ({@code mall.payment.sandbox.slow-answer})</td></tr>
 * </table>
 */
enum TestCards {
    CHARGED, DECLINED, INSUFFICIENT_FUNDS, EXPIRED_CARD, PROCESSING_ERROR, SLOW;

    static TestCards of(CardNumber number) {
        if (number.is("4000000000000002")) {
            return DECLINED;
        }
        if (number.is("4000000000009995")) {
            return INSUFFICIENT_FUNDS;
        }
        if (number.is("4000000000000069")) {
            return EXPIRED_CARD;
        }
        if (number.is("4000000000000119")) {
            return PROCESSING_ERROR;
        }
        if (number.is("4000000000000077")) {
            return SLOW;
        }
        return CHARGED;
    }
}
