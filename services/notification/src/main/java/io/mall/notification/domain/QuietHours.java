package io.mall.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import io.mall.domain.BrokenRule;

/**
 * A nightly window, in the user's time zone, in which text messages and push notifications wait
 * (Korean law keeps advertising out of 21:00 to 08:00; a shop keeps its parcels' news out too).
 * A window may run over midnight ({@code 21:00} to {@code 08:00}).
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public QuietHours {
        if (start == null || end == null) {
            throw new BrokenRule("quietHours", "give both start and end, e.g. 21:00 and 08:00");
        }
        if (start.equals(end)) {
            throw new BrokenRule("quietHours.end", "quiet hours must not start and end at the same time");
        }
    }

    /** When the window that {@code now} falls in ends, or empty when {@code now} is not quiet. */
    public Optional<Instant> endOfQuietAt(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overMidnight = start.isAfter(end);
        boolean quiet = overMidnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.with(end);
        // over midnight and before it: the window ends tomorrow morning
        ZonedDateTime ends = overMidnight && !time.isBefore(start) ? endToday.plusDays(1) : endToday;
        return Optional.of(ends.toInstant());
    }
}
