package io.mall.notification.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.notification.NotificationConfig;
import io.mall.notification.domain.Formats;
import io.mall.notification.domain.Trigger;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Writes a notice in the reader's language from its Qute templates: for each trigger and language,
 * {@code notifications/<trigger>.<ko|en>.txt} holds the title (an email's subject, a push's title),
 * the short text (a text message, a push's body, the feed's entry) and the email's plain body, and
 * {@code notifications/<trigger>.<ko|en>.html} the email's HTML body (inside {@code layout.html}). Amounts and dates are formatted
 * here for the language, so templates only place them.
 */
@ApplicationScoped
public class Messages {

    /** A notice written out for every channel. */
    public record Written(String title, String shortText, String text, String html, String link) {
    }

    /** Facts every template may name; those an event does not have are empty. */
    private static final String[] KNOWN = { "orderId", "total", "amount", "refundedTotal", "currency", "reason", "code", "method",
            "carrier", "trackingNumber", "shipmentId", "promisedBy", "place", "at", "itemCount", "firstItem", "firstProductId", "fully" };

    private final Engine engine;
    private final String site;

    Messages(Engine engine, NotificationConfig config) {
        this.engine = engine;
        this.site = config.siteUrl().replaceAll("/+$", "");
    }

    public Written write(Trigger trigger, Map<String, String> facts, String name, Formats formats) {
        Map<String, Object> model = model(trigger, facts, name, formats);
        String base = "notifications/" + trigger.templateName() + "." + formats.language().tag();
        Template text = template(base + ".txt");
        Template html = template(base + ".html");
        return new Written(text.getFragment("title").data(model).render().strip(), text.getFragment("short").data(model).render().strip(),
                text.data(model).render().strip(), html.data(model).render(), (String) model.get("link"));
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no template " + id);
        }
        return template;
    }

    private Map<String, Object> model(Trigger trigger, Map<String, String> facts, String name, Formats formats) {
        Map<String, Object> model = new HashMap<>();
        for (String key : KNOWN) {
            model.put(key, "");
        }
        model.putAll(facts);
        boolean korean = formats.language() == Formats.Language.KO;
        model.put("name", name == null || name.isBlank() ? (korean ? "고객" : "there") : name);
        model.put("site", site);
        model.put("lang", formats.language().tag());
        String currency = facts.getOrDefault("currency", "KRW");
        for (String amount : new String[] { "total", "amount", "refundedTotal" }) {
            if (present(facts, amount)) {
                model.put(amount, formats.money(Long.parseLong(facts.get(amount)), currency));
            }
        }
        if (present(facts, "at")) {
            Instant at = Instant.parse(facts.get("at"));
            model.put("at", formats.dateTime(at));
            model.put("date", formats.date(at));
        } else {
            model.put("date", "");
        }
        if (present(facts, "promisedBy")) {
            model.put("promisedBy", formats.date(LocalDate.parse(facts.get("promisedBy"))));
        }
        int items = present(facts, "itemCount") ? Integer.parseInt(facts.get("itemCount")) : 0;
        model.put("otherItems", Math.max(0, items - 1));
        String orderId = facts.get("orderId");
        model.put("orderNumber", orderId == null ? "" : orderId.substring(0, Math.min(8, orderId.length())).toUpperCase(java.util.Locale.ROOT));
        model.put("fully", "true".equals(facts.get("fully")));
        model.put("link", link(trigger, facts));
        return model;
    }

    /** The page a notice opens: the order, its parcel's tracking, the review form, the account's security page. */
    private String link(Trigger trigger, Map<String, String> facts) {
        String order = facts.get("orderId");
        return switch (trigger) {
            case WELCOME -> site + "/";
            case PASSWORD_CHANGED, NEW_SIGN_IN -> site + "/account/security";
            case SHIPPED, OUT_FOR_DELIVERY -> site + "/orders/" + order + "/tracking";
            case DELIVERED -> site + "/orders/" + order + "/review";
            default -> site + "/orders/" + order;
        };
    }

    private static boolean present(Map<String, String> facts, String key) {
        String value = facts.get(key);
        return value != null && !value.isBlank();
    }
}
