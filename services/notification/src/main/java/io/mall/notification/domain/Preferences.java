package io.mall.notification.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.mall.domain.BrokenRule;

/**
 * Which channels a user hears about each category on, and when their phone should stay quiet.
 * A user who never chose has the defaults: everything but marketing on every channel but text
 * messages (which cost and interrupt) except for parcels, whose day of arrival is worth a text;
 * marketing off on every channel until the user opts in, as the law asks.
 *
 * @param quietHours         {@code null} when the user wants no quiet hours
 * @param marketingConsentAt when the user last opted in to marketing ({@code null}: never, or opted out)
 */
public record Preferences(UUID userId, Map<Category, Set<Channel>> channels, QuietHours quietHours, ZoneId timeZone,
        Instant marketingConsentAt) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");

    public Preferences {
        EnumMap<Category, Set<Channel>> complete = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            Set<Channel> chosen = channels == null ? null : channels.get(category);
            complete.put(category, chosen == null || chosen.isEmpty()
                    ? Collections.unmodifiableSet(EnumSet.noneOf(Channel.class))
                    : Collections.unmodifiableSet(EnumSet.copyOf(chosen)));
        }
        channels = Collections.unmodifiableMap(complete);
        timeZone = timeZone == null ? DEFAULT_ZONE : timeZone;
    }

    public static Preferences defaults(UUID userId) {
        EnumMap<Category, Set<Channel>> channels = new EnumMap<>(Category.class);
        channels.put(Category.ORDERS, EnumSet.of(Channel.EMAIL, Channel.PUSH, Channel.IN_APP));
        channels.put(Category.SHIPPING, EnumSet.allOf(Channel.class));
        channels.put(Category.ACCOUNT_SECURITY, EnumSet.of(Channel.EMAIL, Channel.PUSH, Channel.IN_APP));
        channels.put(Category.MARKETING, EnumSet.noneOf(Channel.class));
        return new Preferences(userId, channels, QuietHours.NIGHT, DEFAULT_ZONE, null);
    }

    /**
     * The user's new choice. A category left out keeps its channels. A mandatory category must keep a
     * channel outside the app; opting in to marketing is dated (the consent a regulator asks to see),
     * opting out forgets the date.
     *
     * @param quietHours    new quiet hours; {@code null} keeps the current ones
     * @param quietHoursOff whether to have no quiet hours any more
     * @param timeZone      an IANA zone such as {@code Asia/Seoul}; {@code null} keeps the current one
     */
    public Preferences choose(Map<Category, Set<Channel>> chosen, QuietHours quietHours, boolean quietHoursOff, String timeZone,
            Instant now) {
        if (quietHoursOff && quietHours != null) {
            throw new BrokenRule("quietHoursOff", "give quiet hours or turn them off, not both");
        }
        EnumMap<Category, Set<Channel>> next = new EnumMap<>(channels);
        if (chosen != null) {
            chosen.forEach((category, set) -> next.put(category, set == null ? EnumSet.noneOf(Channel.class) : set));
        }
        for (Category category : Category.values()) {
            if (category.mandatory() && next.get(category).stream().noneMatch(Channel::reachesOutsideTheApp)) {
                throw new BrokenRule("channels." + category, category + " messages cannot be switched off entirely: keep EMAIL, SMS or PUSH on");
            }
        }
        boolean marketingBefore = !channels.get(Category.MARKETING).isEmpty();
        boolean marketingAfter = next.get(Category.MARKETING) != null && !next.get(Category.MARKETING).isEmpty();
        Instant consent = marketingAfter ? (marketingBefore ? marketingConsentAt : now) : null;
        QuietHours quiet = quietHoursOff ? null : quietHours == null ? this.quietHours : quietHours;
        return new Preferences(userId, next, quiet, timeZone == null ? this.timeZone : zone(timeZone), consent);
    }

    /** The channels {@code category} goes out on. */
    public Set<Channel> channelsFor(Category category) {
        return channels.get(category);
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new BrokenRule("timeZone", "not a time zone: use an IANA name such as Asia/Seoul");
        }
    }
}
