/**
 * How every Mall service sends and receives messages: {@link io.mall.messaging.Envelopes} writes the
 * envelope (with the trace of the request that caused it), {@link io.mall.messaging.EnvelopeReader}
 * reads one into a validated contract record, {@link io.mall.messaging.Inbox} runs a consumer's
 * handler once per message with bounded retries and sends what cannot be processed to
 * {@code <topic>.dlq}, and {@link io.mall.messaging.BrokerHealth} reports the broker on its own.
 */
package io.mall.messaging;
