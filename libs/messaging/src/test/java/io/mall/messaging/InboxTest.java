package io.mall.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.Validation;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.mall.contracts.product.ReleaseStock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;

class InboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RememberedIds remembered = new RememberedIds();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Inbox inbox = new Inbox(
            new EnvelopeReader(new ObjectMapper().registerModule(new JavaTimeModule()), Validation.byProvider(HibernateValidator.class)
                    .configure().messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()),
            () -> remembered, OpenTelemetry.noop().getTracer("test"), registry, new TwoQuickRetries());

    @Test
    void aHandledMessageIsAcknowledgedAndRemembered() {
        Delivery delivery = new Delivery(release(UUID.randomUUID()));
        AtomicInteger runs = new AtomicInteger();

        inbox.process("stock", delivery.message, envelope -> {
            runs.incrementAndGet();
            envelope.data(ReleaseStock.class);
            return Uni.createFrom().voidItem();
        }).await().atMost(WAIT);

        assertThat(runs).hasValue(1);
        assertThat(delivery.acknowledged()).isTrue();
        assertThat(remembered.ids).hasSize(1);
        assertThat(registry.counter("mall.messages.consumed", "consumer", "stock", "outcome", "processed").count()).isEqualTo(1);
    }

    @Test
    void aMessageProcessedBeforeIsAcknowledgedWithoutRunningTheHandlerAgain() {
        String message = release(UUID.randomUUID());
        AtomicInteger runs = new AtomicInteger();

        for (int i = 0; i < 2; i++) {
            Delivery delivery = new Delivery(message);
            inbox.process("stock", delivery.message, envelope -> {
                runs.incrementAndGet();
                return Uni.createFrom().voidItem();
            }).await().atMost(WAIT);
            assertThat(delivery.acknowledged()).isTrue();
        }

        assertThat(runs).hasValue(1);
    }

    @Test
    void theSameMessageIsProcessedOncePerConsumer() {
        String message = release(UUID.randomUUID());
        AtomicInteger runs = new AtomicInteger();

        for (String consumer : List.of("stock", "statistics")) {
            inbox.process(consumer, new Delivery(message).message, envelope -> {
                runs.incrementAndGet();
                return Uni.createFrom().voidItem();
            }).await().atMost(WAIT);
        }

        assertThat(runs).hasValue(2);
    }

    @Test
    void aHandlerThatFailsForAWhileIsTriedAgainUntilItSucceeds() {
        Delivery delivery = new Delivery(release(UUID.randomUUID()));
        AtomicInteger runs = new AtomicInteger();

        inbox.process("stock", delivery.message, envelope -> runs.incrementAndGet() < 3
                ? Uni.createFrom().failure(new IllegalStateException("store down"))
                : Uni.createFrom().voidItem()).await().atMost(WAIT);

        assertThat(runs).hasValue(3);
        assertThat(delivery.acknowledged()).isTrue();
    }

    @Test
    void aHandlerThatKeepsFailingIsTriedABoundedNumberOfTimesThenDeadLettered() {
        Delivery delivery = new Delivery(release(UUID.randomUUID()));
        AtomicInteger runs = new AtomicInteger();

        inbox.process("stock", delivery.message, envelope -> {
            runs.incrementAndGet();
            throw new IllegalStateException("store down");
        }).await().atMost(WAIT);

        assertThat(runs).hasValue(3); // the first try and two retries
        assertThat(delivery.nackedWith.get()).hasMessage("store down");
        assertThat(remembered.ids).isEmpty();
    }

    @Test
    void dataThatBreaksTheContractIsDeadLetteredWithoutRetrying() {
        Delivery delivery = new Delivery(envelope("product.release-stock", "{}"));
        AtomicInteger runs = new AtomicInteger();

        inbox.process("stock", delivery.message, envelope -> {
            runs.incrementAndGet();
            envelope.data(ReleaseStock.class);
            return Uni.createFrom().voidItem();
        }).await().atMost(WAIT);

        assertThat(runs).hasValue(1);
        assertThat(delivery.nackedWith.get()).isInstanceOf(ContractViolation.class)
                .hasMessage("the data of product.release-stock breaks the contract: orderId must not be null");
        assertThat(registry.counter("mall.messages.consumed", "consumer", "stock", "outcome", "dead-lettered").count()).isEqualTo(1);
    }

    @Test
    void anUnreadableMessageIsDeadLetteredWithoutReachingTheHandler() {
        Delivery delivery = new Delivery("\"just a string\"");

        inbox.process("stock", delivery.message, envelope -> {
            throw new AssertionError("the handler must not see an unreadable message");
        }).await().atMost(WAIT);

        assertThat(delivery.nackedWith.get()).isInstanceOf(ContractViolation.class).hasMessage("the message is not a JSON object");
    }

    @Test
    void aHandlerThatFailsWhileTheServiceStopsLeavesItsMessageToBeDeliveredAgainNotDeadLettered() {
        inbox.stopping(new ShutdownEvent());
        Delivery delivery = new Delivery(release(UUID.randomUUID()));
        AtomicInteger runs = new AtomicInteger();

        inbox.process("stock", delivery.message, envelope -> {
            runs.incrementAndGet();
            throw new IllegalStateException("Pool closed");
        }).await().atMost(WAIT);

        assertThat(runs).hasValue(1); // not tried again: the stores are closing
        assertThat(delivery.nackedWith.get()).isNull();
        assertThat(delivery.acked).isNotDone();
        assertThat(remembered.ids).isEmpty();
        assertThat(registry.counter("mall.messages.consumed", "consumer", "stock", "outcome", "left-for-redelivery").count())
                .isEqualTo(1);
    }

    @Test
    void whileTheServiceStopsAHandledMessageIsStillAcknowledgedAndABrokenOneStillDeadLettered() {
        inbox.stopping(new ShutdownEvent());
        Delivery handled = new Delivery(release(UUID.randomUUID()));
        Delivery broken = new Delivery(envelope("product.release-stock", "{}"));

        inbox.process("stock", handled.message, envelope -> Uni.createFrom().voidItem()).await().atMost(WAIT);
        inbox.process("stock", broken.message, envelope -> {
            envelope.data(ReleaseStock.class);
            return Uni.createFrom().voidItem();
        }).await().atMost(WAIT);

        assertThat(handled.acknowledged()).isTrue();
        assertThat(broken.nackedWith.get()).isInstanceOf(ContractViolation.class);
    }

    @Test
    void anIdempotentHandlerRunsForEveryDeliveryAndNothingIsRemembered() {
        String message = release(UUID.randomUUID());
        AtomicInteger runs = new AtomicInteger();

        for (int i = 0; i < 2; i++) {
            inbox.processIdempotent("cache", new Delivery(message).message, envelope -> {
                runs.incrementAndGet();
                return Uni.createFrom().voidItem();
            }).await().atMost(WAIT);
        }

        assertThat(runs).hasValue(2);
        assertThat(remembered.ids).isEmpty();
    }

    private static String release(UUID order) {
        return envelope("product.release-stock", "{\"orderId\":\"" + order + "\"}");
    }

    private static String envelope(String type, String data) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"source\":\"order\","
                + "\"time\":\"2026-11-26T10:00:00Z\",\"subject\":\"s-1\",\"traceparent\":null,\"data\":" + data + "}";
    }

    /** A message as a connector delivers it, recording how it was settled. */
    private static final class Delivery {
        final CompletableFuture<Void> acked = new CompletableFuture<>();
        final AtomicReference<Throwable> nackedWith = new AtomicReference<>();
        final Message<String> message;

        Delivery(String payload) {
            message = Message.of(payload, Metadata.empty(), () -> {
                acked.complete(null);
                return CompletableFuture.completedFuture(null);
            }, reason -> {
                nackedWith.set(reason);
                return CompletableFuture.completedFuture(null);
            });
        }

        boolean acknowledged() {
            return acked.isDone() && nackedWith.get() == null;
        }
    }

    private static final class RememberedIds implements ProcessedMessages {
        final Set<String> ids = ConcurrentHashMap.newKeySet();

        @Override
        public Uni<Boolean> contains(String consumer, UUID messageId) {
            return Uni.createFrom().item(ids.contains(consumer + "/" + messageId));
        }

        @Override
        public Uni<Void> remember(String consumer, UUID messageId) {
            ids.add(consumer + "/" + messageId);
            return Uni.createFrom().voidItem();
        }
    }

    private static final class TwoQuickRetries implements MessagingConfig {
        @Override
        public Duration remember() {
            return Duration.ofDays(7);
        }

        @Override
        public Retry retry() {
            return new Retry() {
                @Override
                public int attempts() {
                    return 2;
                }

                @Override
                public Duration initialBackoff() {
                    return Duration.ofMillis(10);
                }

                @Override
                public Duration maxBackoff() {
                    return Duration.ofMillis(40);
                }
            };
        }
    }
}
