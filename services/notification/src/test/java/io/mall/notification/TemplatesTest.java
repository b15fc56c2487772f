package io.mall.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mall.notification.app.Messages;
import io.mall.notification.domain.Formats;
import io.mall.notification.domain.Trigger;
import io.quarkus.test.junit.QuarkusTest;

/** Every trigger's templates, in both languages, with sample data: nothing missing, amounts and dates written for the reader. */
@QuarkusTest
class TemplatesTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Inject
    Messages messages;

    @ParameterizedTest
    @EnumSource(Trigger.class)
    void everyTemplateIsWrittenInKoreanAndEnglish(Trigger trigger) {
        Map<String, String> facts = sample();

        Messages.Written korean = messages.write(trigger, facts, "김<민지>", new Formats(Formats.Language.KO, SEOUL));
        Messages.Written english = messages.write(trigger, facts, "Alex & Sam", new Formats(Formats.Language.EN, SEOUL));

        for (Messages.Written written : new Messages.Written[] { korean, english }) {
            assertThat(written.title()).isNotBlank().doesNotContain("{").doesNotContain("NOT_FOUND").hasSizeLessThan(100);
            assertThat(written.shortText()).isNotBlank().doesNotContain("{").doesNotContain("\n").hasSizeLessThan(300);
            assertThat(written.text()).isNotBlank().doesNotContain("{").contains(written.link());
            assertThat(written.html()).startsWith("<!DOCTYPE html>").contains("href=\"" + written.link() + "\"").doesNotContain("{#");
            assertThat(written.link()).startsWith("https://mall.local/");
        }
        // each speaks to the reader by name; the name is the user's words, so HTML escapes it
        assertThat(korean.text()).contains("김<민지>님");
        assertThat(korean.html()).contains("김&lt;민지&gt;님").doesNotContain("<민지>");
        assertThat(english.text()).contains("Hi Alex & Sam");
        assertThat(english.html()).contains("Hi Alex &amp; Sam");
        if (trigger == Trigger.ORDER_RECEIVED || trigger == Trigger.ORDER_CANCELLED) {
            assertThat(korean.text()).contains("₩125,000");
            assertThat(english.text()).contains("₩125,000");
        }
        if (trigger == Trigger.SHIPPED) {
            assertThat(korean.text()).contains("2026년 11월 28일");
            assertThat(english.text()).contains("November 28, 2026");
        }
        if (trigger == Trigger.PASSWORD_CHANGED) {
            assertThat(korean.text()).contains("2026년 11월 26일");
            assertThat(english.text()).contains("November 26, 2026");
        }
    }

    private static Map<String, String> sample() {
        Map<String, String> facts = new HashMap<>();
        facts.put("orderId", UUID.randomUUID().toString());
        facts.put("total", "125000");
        facts.put("amount", "125000");
        facts.put("refundedTotal", "125000");
        facts.put("currency", "KRW");
        facts.put("reason", "재고 부족");
        facts.put("code", "DECLINED");
        facts.put("method", "CARD");
        facts.put("carrier", "simulated");
        facts.put("trackingNumber", "SIM000000000001");
        facts.put("shipmentId", UUID.randomUUID().toString());
        facts.put("promisedBy", "2026-11-28");
        facts.put("place", "서울 강남");
        facts.put("at", "2026-11-26T09:30:00Z");
        facts.put("itemCount", "3");
        facts.put("firstItem", "무선 이어폰");
        facts.put("firstProductId", "p-1");
        facts.put("fully", "true");
        return facts;
    }
}
