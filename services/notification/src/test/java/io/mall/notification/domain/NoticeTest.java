package io.mall.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class NoticeTest {

    private final UUID user = UUID.randomUUID();
    // 02:30 in Seoul: inside the default quiet hours, which end at 08:00 (23:00 UTC)
    private final Instant night = Instant.parse("2026-11-25T17:30:00Z");
    private final Instant day = Instant.parse("2026-11-26T03:00:00Z");

    @Test
    void aNoticeGoesOutOnTheChannelsChosenForItsCategory() {
        Preferences preferences = Preferences.defaults(user).choose(Map.of(Category.SHIPPING, Set.of(Channel.SMS, Channel.IN_APP)), null,
                true, null, day);

        assertThat(notice(Trigger.OUT_FOR_DELIVERY).plan(preferences, day)).extracting(Notice.Planned::channel)
                .containsExactly(Channel.SMS, Channel.IN_APP);
        assertThat(notice(Trigger.ORDER_RECEIVED).plan(preferences, day)).extracting(Notice.Planned::channel)
                .containsExactly(Channel.EMAIL, Channel.PUSH, Channel.IN_APP);
        assertThat(notice(Trigger.ORDER_RECEIVED).plan(preferences, day)).extracting(Notice.Planned::notBefore).containsOnly(day);
    }

    @Test
    void atNightTextsAndPushesWaitForTheMorningButEmailAndTheFeedDoNot() {
        Notice shipped = notice(Trigger.SHIPPED);

        var planned = shipped.plan(Preferences.defaults(user), night);

        Instant morning = Instant.parse("2026-11-25T23:00:00Z");
        assertThat(planned).containsExactly(new Notice.Planned(Channel.EMAIL, night), new Notice.Planned(Channel.SMS, morning),
                new Notice.Planned(Channel.PUSH, morning), new Notice.Planned(Channel.IN_APP, night));
    }

    @Test
    void aWarningAboutTheAccountDoesNotWaitAndNoQuietHoursMeansNoWaiting() {
        Preferences withSms = Preferences.defaults(user).choose(Map.of(Category.ACCOUNT_SECURITY, Set.of(Channel.SMS)), null, false, null, night);

        assertThat(notice(Trigger.NEW_SIGN_IN).plan(withSms, night)).containsExactly(new Notice.Planned(Channel.SMS, night));
        assertThat(notice(Trigger.SHIPPED).plan(Preferences.defaults(user).choose(null, null, true, null, night), night))
                .extracting(Notice.Planned::notBefore).containsOnly(night);
    }

    @Test
    void quietHoursWithinOneDayAndOverMidnightEndWhenTheyShould() {
        java.time.ZoneId seoul = java.time.ZoneId.of("Asia/Seoul");
        QuietHours afternoon = new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));

        assertThat(afternoon.endOfQuietAt(Instant.parse("2026-11-26T04:30:00Z"), seoul)).contains(Instant.parse("2026-11-26T05:00:00Z"));
        assertThat(afternoon.endOfQuietAt(Instant.parse("2026-11-26T05:00:00Z"), seoul)).isEmpty();
        // 22:00 in Seoul: the night's window ends the next morning
        assertThat(QuietHours.NIGHT.endOfQuietAt(Instant.parse("2026-11-26T13:00:00Z"), seoul)).contains(Instant.parse("2026-11-26T23:00:00Z"));
        assertThat(QuietHours.NIGHT.endOfQuietAt(Instant.parse("2026-11-26T11:59:00Z"), seoul)).isEmpty();
    }

    private Notice notice(Trigger trigger) {
        return new Notice(UUID.randomUUID(), user, trigger, Map.of(), day);
    }

    @Test
    void newsOlderThanADayIsNotTold() {
        Notice lastWeek = new Notice(UUID.randomUUID(), user, Trigger.ORDER_RECEIVED, Map.of(), day.minus(java.time.Duration.ofDays(7)));

        assertThat(lastWeek.tooOldAt(day, java.time.Duration.ofHours(24))).isTrue();
        assertThat(notice(Trigger.ORDER_RECEIVED).tooOldAt(day.plus(java.time.Duration.ofHours(23)), java.time.Duration.ofHours(24))).isFalse();
        assertThat(Notice.tooOld(null, day, java.time.Duration.ofHours(24))).isFalse();
    }
}
