package io.mall.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Something a user is to be told, because of one event: the trigger and the facts its templates
 * need (ids, amounts, tracking numbers; never an address, which is looked up when sending).
 *
 * @param eventId the event it comes from: a user is told about one event once per channel
 */
public record Notice(UUID eventId, UUID userId, Trigger trigger, Map<String, String> facts, Instant occurredAt) {

    public Notice {
        facts = Map.copyOf(facts);
    }

    /**
     * Whether the news is too old to tell: a notice read long after its event (a new consumer reading
     * the topics' history, a long outage) would tell a shopper about last week's order as if it were
     * today's. The delivery log of what was told is unaffected.
     */
    public boolean tooOldAt(Instant now, java.time.Duration maxAge) {
        return tooOld(occurredAt, now, maxAge);
    }

    /** As {@link #tooOldAt}, for an event whose user is not known yet. */
    public static boolean tooOld(Instant occurredAt, Instant now, java.time.Duration maxAge) {
        return occurredAt != null && occurredAt.plus(maxAge).isBefore(now);
    }

    /** One channel to send on, not before {@code notBefore}. */
    public record Planned(Channel channel, Instant notBefore) {
    }

    /**
     * The channels the user hears about this on, by their preferences; on the channels that
     * interrupt, anything but an urgent warning waits for the user's quiet hours to end.
     */
    public List<Planned> plan(Preferences preferences, Instant now) {
        List<Planned> planned = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (!preferences.channelsFor(trigger.category()).contains(channel)) {
                continue;
            }
            Instant notBefore = now;
            if (channel.interrupts() && !trigger.urgent() && preferences.quietHours() != null) {
                notBefore = preferences.quietHours().endOfQuietAt(now, preferences.timeZone()).orElse(now);
            }
            planned.add(new Planned(channel, notBefore));
        }
        return planned;
    }
}
