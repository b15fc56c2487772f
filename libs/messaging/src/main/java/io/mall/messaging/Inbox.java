package io.mall.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Runs a consumer's handler for each message, once. A message that cannot be read or breaks its
 * contract is dead-lettered at once; a handler that fails otherwise (a store that is down) is tried
 * again with backoff, then dead-lettered. Either way the message is settled and the channel goes
 * on: one bad message never stops a consumer. A message whose id the consumer processed before is
 * acknowledged without running the handler again.
 *
 * <p>Dead-lettering is the Kafka connector's {@code dead-letter-queue} failure strategy, configured
 * per channel with {@code dead-letter-queue.topic=<topic>.dlq}; it writes the reason, source
 * topic, partition and offset into headers, and this class adds the consumer's name.
 *
 * <p>Once the service is stopping, a handler that fails is neither tried again nor dead-lettered:
 * its stores are closing (a closed pool fails every handler), which is no fault of the message.
 * The message is left unsettled, so its offset is not committed and the next instance receives it
 * again. The Kafka connector closes a service's channels one at a time, and the last ones kept
 * receiving for many seconds after the pools had closed.
 *
 * <p>The handler runs in a span whose parent is the envelope's {@code traceparent}, so its log
 * lines and its own messages carry the trace of the request that caused the message.
 */
@ApplicationScoped
public class Inbox {

    /** Header naming the consumer that gave up on a dead-lettered message. */
    public static final String CONSUMER_HEADER = "dead-letter-consumer";

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EnvelopeReader reader;
    private final Supplier<ProcessedMessages> processed;
    private final Tracer tracer;
    private final MeterRegistry registry;
    private final MessagingConfig config;
    private volatile boolean stopping;

    @Inject
    Inbox(EnvelopeReader reader, Instance<ProcessedMessages> processed, Tracer tracer, MeterRegistry registry,
            MessagingConfig config) {
        this(reader, () -> {
            if (!processed.isResolvable()) {
                throw new IllegalStateException("this service consumes messages but provides no ProcessedMessages store");
            }
            return processed.get();
        }, tracer, registry, config);
    }

    Inbox(EnvelopeReader reader, Supplier<ProcessedMessages> processed, Tracer tracer, MeterRegistry registry,
            MessagingConfig config) {
        this.reader = reader;
        this.processed = processed;
        this.tracer = tracer;
        this.registry = registry;
        this.config = config;
    }

    /** From now on, a failed handler leaves its message to be delivered again rather than dead-lettered. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Reads the message, runs {@code handler} on it unless {@code consumer} has processed it before,
     * and settles it: acknowledged when handled, dead-lettered when it cannot be. The returned Uni
     * never fails.
     */
    public Uni<Void> process(String consumer, Message<String> message, Function<ReceivedEnvelope, Uni<Void>> handler) {
        return settle(consumer, message, handler, true);
    }

    /**
     * As {@link #process}, but without remembering message ids: for a handler that is harmless and
     * cheap to repeat (it refreshes a cache from the store), where remembering would cost a store
     * write per message for nothing.
     */
    public Uni<Void> processIdempotent(String consumer, Message<String> message, Function<ReceivedEnvelope, Uni<Void>> handler) {
        return settle(consumer, message, handler, false);
    }

    private Uni<Void> settle(String consumer, Message<String> message, Function<ReceivedEnvelope, Uni<Void>> handler,
            boolean rememberIds) {
        ReceivedEnvelope envelope;
        try {
            envelope = reader.read(message.getPayload());
        } catch (ContractViolation violation) {
            return deadLetter(consumer, message, null, violation);
        }
        MessagingConfig.Retry retry = config.retry();
        return traced(consumer, envelope, () -> retrying(consumer, envelope,
                () -> rememberIds ? once(consumer, envelope, handler) : run(consumer, envelope, handler),
                retry.attempts(), retry.initialBackoff()))
                // settled once: acknowledged when handled, dead-lettered when not (a failed acknowledgement is not a failed message)
                .onItemOrFailure().transformToUni((outcome, failure) -> failure != null
                        ? (stopping && !(failure instanceof ContractViolation)
                                ? leaveForRedelivery(consumer, envelope, failure)
                                : deadLetter(consumer, message, envelope, failure))
                        : Uni.createFrom().completionStage(() -> message.ack()).invoke(() -> count(consumer, outcome))
                                .onFailure().recoverWithItem(ackFailure -> {
                                    LOG.errorf("%s: could not acknowledge %s: %s", consumer, envelope, ackFailure.getMessage());
                                    return null;
                                }));
    }

    /**
     * Tries again after a pause that doubles each time (with jitter, so replicas that failed together
     * do not retry together), as long as attempts are left and the failure is not the message's fault.
     * The pause is a Vert.x timer on the message's own context, so every attempt runs where the
     * first did (reactive store clients must stay on their context).
     */
    private <T> Uni<T> retrying(String consumer, ReceivedEnvelope envelope, Supplier<Uni<T>> attempt, int attemptsLeft,
            Duration backoff) {
        return Uni.createFrom().<T>deferred(attempt::get)
                .onFailure(failure -> attemptsLeft > 0 && !stopping && !(failure instanceof ContractViolation))
                .recoverWithUni(failure -> {
                    LOG.debugf("%s: %s failed, trying again in %s: %s", consumer, envelope, backoff, failure.getMessage());
                    Duration doubled = backoff.multipliedBy(2);
                    Duration next = doubled.compareTo(config.retry().maxBackoff()) > 0 ? config.retry().maxBackoff() : doubled;
                    return pause(backoff).chain(() -> retrying(consumer, envelope, attempt, attemptsLeft - 1, next));
                });
    }

    private static Uni<Void> pause(Duration backoff) {
        long millis = Math.max(1, (long) (backoff.toMillis() * (0.75 + ThreadLocalRandom.current().nextDouble() * 0.5)));
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(millis));
        }
        return Uni.createFrom().emitter(emitter -> context.owner()
                .setTimer(millis, timer -> context.runOnContext(ignored -> emitter.complete(null))));
    }

    private Uni<String> once(String consumer, ReceivedEnvelope envelope, Function<ReceivedEnvelope, Uni<Void>> handler) {
        ProcessedMessages store = processed.get();
        UUID id = envelope.id();
        return store.contains(consumer, id).chain(seen -> {
            if (seen) {
                LOG.debugf("%s: %s was processed before", consumer, envelope);
                return Uni.createFrom().item("duplicate");
            }
            // remembered after the handler succeeded: a crash in between repeats an idempotent handler
            return run(consumer, envelope, handler).call(() -> store.remember(consumer, id));
        });
    }

    private Uni<String> run(String consumer, ReceivedEnvelope envelope, Function<ReceivedEnvelope, Uni<Void>> handler) {
        return Uni.createFrom().deferred(() -> handler.apply(envelope))
                .invoke(() -> LOG.debugf("%s: processed %s", consumer, envelope))
                .replaceWith("processed");
    }

    /** Runs the work in a consumer span that continues the envelope's trace, current until the work ends. */
    private <T> Uni<T> traced(String consumer, ReceivedEnvelope envelope, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context parent = TraceParents.parse(envelope.traceparent())
                    .map(remote -> Context.root().with(Span.wrap(remote)))
                    .orElse(Context.root());
            Span span = tracer.spanBuilder(consumer + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.message.id", envelope.id().toString())
                    .setAttribute("messaging.operation.type", "process")
                    .setAttribute("mall.message.type", envelope.type())
                    .startSpan();
            Scope scope = span.makeCurrent();
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                running = Uni.createFrom().failure(e);
            }
            return running.onTermination().invoke((item, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR);
                }
                scope.close();
                span.end();
            });
        });
    }

    private Uni<Void> leaveForRedelivery(String consumer, ReceivedEnvelope envelope, Throwable failure) {
        LOG.infof("%s: %s not handled as the service stops (%s); it is delivered again to the next instance",
                consumer, envelope, failure.getMessage());
        count(consumer, "left-for-redelivery");
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> deadLetter(String consumer, Message<String> message, ReceivedEnvelope envelope, Throwable failure) {
        String where = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getTopic() + "/" + kafka.getPartition() + "@" + kafka.getOffset())
                .orElse("?");
        LOG.warnf("%s: dead-lettered %s (%s): %s", consumer, envelope == null ? "an unreadable message" : envelope,
                where, failure.getMessage());
        count(consumer, "dead-lettered");
        Metadata consumerHeader = Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(List.of(new RecordHeader(CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8))))
                .build());
        return Uni.createFrom().completionStage(() -> message.nack(failure, consumerHeader))
                .onFailure().recoverWithItem(nackFailure -> {
                    LOG.errorf("%s: could not dead-letter %s: %s", consumer, where, nackFailure.getMessage());
                    return null;
                });
    }

    private void count(String consumer, String outcome) {
        registry.counter("mall.messages.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
