package io.mall.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;

class PreferencesTest {

    private final Preferences defaults = Preferences.defaults(UUID.randomUUID());
    private final Instant now = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void marketingIsOffUntilTheUserOptsInAndTheOptInIsDated() {
        assertThat(defaults.channelsFor(Category.MARKETING)).isEmpty();
        assertThat(defaults.marketingConsentAt()).isNull();

        Preferences optedIn = defaults.choose(Map.of(Category.MARKETING, Set.of(Channel.EMAIL)), null, false, null, now);
        Preferences widened = optedIn.choose(Map.of(Category.MARKETING, Set.of(Channel.EMAIL, Channel.PUSH)), null, false, null, now.plusSeconds(60));
        Preferences optedOut = widened.choose(Map.of(Category.MARKETING, Set.of()), null, false, null, now.plusSeconds(120));

        assertThat(optedIn.marketingConsentAt()).isEqualTo(now);
        assertThat(widened.marketingConsentAt()).as("widening keeps the first consent").isEqualTo(now);
        assertThat(optedOut.marketingConsentAt()).isNull();
    }

    @Test
    void orderAndSecurityMessagesKeepAChannelOutsideTheApp() {
        assertThatThrownBy(() -> defaults.choose(Map.of(Category.ORDERS, Set.of(Channel.IN_APP)), null, false, null, now))
                .isInstanceOf(BrokenRule.class).hasMessageContaining("ORDERS");
        assertThatThrownBy(() -> defaults.choose(Map.of(Category.ACCOUNT_SECURITY, Set.of()), null, false, null, now))
                .isInstanceOf(BrokenRule.class).hasMessageContaining("ACCOUNT_SECURITY");

        Preferences quiet = defaults.choose(Map.of(Category.SHIPPING, Set.of(), Category.ORDERS, Set.of(Channel.SMS)), null, false, null, now);
        assertThat(quiet.channelsFor(Category.SHIPPING)).isEmpty();
        assertThat(quiet.channelsFor(Category.ORDERS)).containsExactly(Channel.SMS);
        assertThat(quiet.channelsFor(Category.ACCOUNT_SECURITY)).isEqualTo(defaults.channelsFor(Category.ACCOUNT_SECURITY));
    }

    @Test
    void quietHoursAreKeptChangedOrTurnedOffButNotBothAtOnce() {
        QuietHours late = new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 0));

        assertThat(defaults.choose(null, null, false, null, now).quietHours()).isEqualTo(QuietHours.NIGHT);
        assertThat(defaults.choose(null, late, false, null, now).quietHours()).isEqualTo(late);
        assertThat(defaults.choose(null, null, true, null, now).quietHours()).isNull();
        assertThatThrownBy(() -> defaults.choose(null, late, true, null, now)).isInstanceOf(BrokenRule.class)
                .extracting("field").isEqualTo("quietHoursOff");
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON)).isInstanceOf(BrokenRule.class);
    }

    @Test
    void aTimeZoneIsAnIanaName() {
        assertThat(defaults.choose(null, null, false, "Europe/Berlin", now).timeZone().getId()).isEqualTo("Europe/Berlin");
        assertThatThrownBy(() -> defaults.choose(null, null, false, "Mars/Olympus", now)).isInstanceOf(BrokenRule.class)
                .extracting("field").isEqualTo("timeZone");
        assertThat(EnumSet.copyOf(defaults.channelsFor(Category.SHIPPING))).containsExactlyInAnyOrder(Channel.values());
    }
}
