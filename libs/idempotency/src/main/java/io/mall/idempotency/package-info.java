/**
 * {@code Idempotency-Key} with Stripe's semantics, for every POST that moves money or stock: the
 * same key and body get the first answer again, the same key with another body is a 422, a key
 * whose first request is still running is a 409, and keys are kept a day. A service supplies the
 * store ({@link io.mall.idempotency.IdempotencyStore}) over its own database.
 */
package io.mall.idempotency;
