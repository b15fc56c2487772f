package io.mall.notification.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.notification.NotificationConfig;
import io.mall.notification.client.Contact;
import io.mall.notification.client.DeviceTokenInvalid;
import io.mall.notification.client.Email;
import io.mall.notification.client.ProviderRefused;
import io.mall.notification.client.ProviderUnavailable;
import io.mall.notification.client.Providers;
import io.mall.notification.client.PushMessage;
import io.mall.notification.client.Sent;
import io.mall.notification.client.TextMessage;
import io.mall.notification.client.Contacts;
import io.mall.notification.domain.Delivery;
import io.mall.notification.domain.Formats;
import io.mall.notification.domain.PhoneNumbers;
import io.mall.notification.domain.RetryPolicy;
import io.mall.notification.store.DeliveryLog;
import io.mall.notification.store.DeviceStore;
import io.mall.notification.store.FeedStore;
import io.mall.notification.store.OutboxRelay;
import io.mall.notification.store.PreferenceStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends the deliveries that are due: takes a batch by lease, looks up how to reach each user (at
 * sending time, so an erased account is not written to), writes the message in the user's language
 * and hands it to the channel's provider. Each delivery ends on its own: a provider that is down
 * delays only its own channel's deliveries (tried again with backoff and jitter, then
 * dead-lettered), never another channel's.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** deliveries of one batch in flight at once */
    private static final int PARALLEL = 16;

    private final DeliveryLog deliveries;
    private final PreferenceStore preferences;
    private final DeviceStore devices;
    private final FeedStore feed;
    private final Contacts contacts;
    private final Providers providers;
    private final Messages messages;
    private final OutboxRelay relay;
    private final MeterRegistry registry;
    private final NotificationConfig.Delivery settings;
    private final RetryPolicy retries;
    private final Clock clock;

    Dispatcher(DeliveryLog deliveries, PreferenceStore preferences, DeviceStore devices, FeedStore feed, Contacts contacts,
            Providers providers, Messages messages, OutboxRelay relay, MeterRegistry registry, NotificationConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.devices = devices;
        this.feed = feed;
        this.contacts = contacts;
        this.providers = providers;
        this.messages = messages;
        this.relay = relay;
        this.registry = registry;
        this.settings = config.delivery();
        this.retries = new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(), settings.maxBackoff());
        this.clock = clock;
    }

    /** Sends what is due now, without waiting for the next tick (called after new deliveries were written). */
    public void nudge() {
        dispatchDue().subscribe().with(sent -> { }, failure -> LOG.debugf("dispatch: %s", failure.getMessage()));
    }

    // what was due while this replica was busy, what waits out quiet hours or a backoff, and what another replica's crash left
    @Scheduled(every = "${mall.notification.delivery.poll-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return dispatchDue().onFailure().invoke(failure -> LOG.warnf("dispatch: %s", failure.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Answers how many deliveries were taken. */
    public Uni<Integer> dispatchDue() {
        return deliveries.takeDue(clock.instant(), settings.lease(), settings.batchSize())
                .chain(batch -> Multi.createFrom().iterable(batch).onItem().transformToUni(this::deliver).merge(PARALLEL)
                        .collect().asList().replaceWith(batch.size()));
    }

    private Uni<Void> deliver(Delivery delivery) {
        return contacts.of(delivery.userId())
                .chain(contact -> contact.isEmpty()
                        ? deliveries.skipped(delivery.id(), "the account no longer exists", clock.instant()).invoke(() -> count(delivery, "skipped"))
                        : preferences.find(delivery.userId()).chain(chosen -> send(delivery, contact.get(),
                                new Formats(Formats.Language.of(contact.get().locale()), chosen.timeZone()))))
                .onFailure().recoverWithUni(failure -> settle(delivery, failure))
                // whatever happens here, the next tick takes the delivery again once its lease runs out
                .onFailure().invoke(failure -> LOG.errorf("delivery %s: could not record its outcome: %s", delivery.id(), failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> send(Delivery delivery, Contact contact, Formats formats) {
        Messages.Written written = messages.write(delivery.trigger(), delivery.facts(), contact.displayName(), formats);
        Instant now = clock.instant();
        switch (delivery.channel()) {
            case EMAIL:
                if (contact.email() == null || contact.email().isBlank()) {
                    return skip(delivery, "no email address");
                }
                return providers.email().send(new Email(delivery.id(), contact.email(), contact.displayName(), written.title(), written.text(),
                        written.html())).chain(sent -> recordSent(delivery, contact.email(), sent));
            case SMS:
                Optional<String> phone = PhoneNumbers.e164(contact.phone());
                if (phone.isEmpty()) {
                    return skip(delivery, contact.phone() == null ? "no phone number" : "the phone number cannot take text messages");
                }
                return providers.sms().send(new TextMessage(delivery.id(), phone.get(), written.shortText()))
                        .chain(sent -> recordSent(delivery, phone.get(), sent));
            case PUSH:
                return devices.tokensOf(delivery.userId()).chain(tokens -> tokens.isEmpty() ? skip(delivery, "no device registered")
                        : push(delivery, tokens, written));
            case IN_APP:
            default:
                return feed.database().withTransaction(connection -> feed.add(connection, delivery.id(), delivery.userId(), delivery.trigger(),
                        written.title(), written.shortText(), written.link(), delivery.createdAt())
                        .chain(() -> deliveries.sent(connection, delivery.id(), null, "in-app", delivery.id().toString(), now)))
                        .invoke(() -> count(delivery, "sent"));
        }
    }

    /**
     * To every device of the user: sent when one took it; a device the provider no longer knows is
     * forgotten; when none took it, the first passing failure has it tried again.
     */
    private Uni<Void> push(Delivery delivery, List<String> tokens, Messages.Written written) {
        return Multi.createFrom().iterable(tokens)
                .onItem().transformToUni(token -> providers.push().send(new PushMessage(delivery.id(), token, written.title(), written.shortText(),
                        written.link()))
                        .map(sent -> (Object) sent)
                        .onFailure(DeviceTokenInvalid.class).recoverWithUni(invalid -> devices.forget(token).replaceWith((Object) invalid))
                        .onFailure().recoverWithItem(failure -> failure))
                .concatenate().collect().asList()
                .chain(outcomes -> {
                    List<Sent> sent = new ArrayList<>();
                    Throwable passing = null;
                    for (Object outcome : outcomes) {
                        if (outcome instanceof Sent ok) {
                            sent.add(ok);
                        } else if (!(outcome instanceof DeviceTokenInvalid) && passing == null) {
                            passing = (Throwable) outcome;
                        }
                    }
                    if (!sent.isEmpty()) {
                        return recordSent(delivery, sent.size() + (sent.size() == 1 ? " device" : " devices"), sent.get(0));
                    }
                    if (passing != null) {
                        return Uni.createFrom().failure(passing);
                    }
                    return skip(delivery, "no device still has the app");
                });
    }

    private Uni<Void> recordSent(Delivery delivery, String recipient, Sent sent) {
        return deliveries.sent(delivery.id(), recipient, sent.provider(), sent.providerId(), clock.instant()).invoke(() -> count(delivery, "sent"));
    }

    private Uni<Void> skip(Delivery delivery, String why) {
        return deliveries.skipped(delivery.id(), why, clock.instant()).invoke(() -> count(delivery, "skipped"));
    }

    /** A refusal ends the delivery; anything else is tried again later, until the attempts are used up. */
    private Uni<Void> settle(Delivery delivery, Throwable failure) {
        Instant now = clock.instant();
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof ProviderRefused) {
            LOG.infof("delivery %s (%s by %s) refused: %s", delivery.id(), delivery.trigger(), delivery.channel(), why);
            return deliveries.failed(delivery.id(), null, null, why, now).invoke(() -> count(delivery, "refused"));
        }
        java.time.Duration asked = failure instanceof ProviderUnavailable unavailable ? unavailable.retryAfter() : null;
        return retries.nextAttempt(delivery.attempts(), now, asked, ThreadLocalRandom.current().nextDouble())
                .map(at -> {
                    LOG.debugf("delivery %s attempt %d failed, again at %s: %s", delivery.id(), delivery.attempts(), at, why);
                    return deliveries.retryAt(delivery.id(), at, why).invoke(() -> count(delivery, "retried"));
                })
                .orElseGet(() -> {
                    LOG.warnf("delivery %s (%s by %s) dead-lettered after %d attempts: %s", delivery.id(), delivery.trigger(),
                            delivery.channel(), delivery.attempts(), why);
                    return deliveries.dead(delivery, why, now).invoke(relay::nudge).invoke(() -> count(delivery, "dead-lettered"));
                });
    }

    private void count(Delivery delivery, String outcome) {
        registry.counter("mall.notifications.deliveries", "channel", delivery.channel().name(), "trigger", delivery.trigger().name(),
                "outcome", outcome).increment();
    }
}
