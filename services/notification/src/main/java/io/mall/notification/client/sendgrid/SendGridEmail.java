package io.mall.notification.client.sendgrid;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mall.notification.NotificationConfig;
import io.mall.notification.client.Email;
import io.mall.notification.client.EmailProvider;
import io.mall.notification.client.ProviderRefused;
import io.mall.notification.client.ProviderReply;
import io.mall.notification.client.Sent;
import io.smallrye.mutiny.Uni;

/**
 * Email through SendGrid's v3 Mail Send: 202 with the message id in {@code X-Message-Id}; a 400
 * names what is wrong with the message (a malformed address: for good); 401/403, 429 (until
 * {@code X-RateLimit-Reset}) and 5xx may pass. The delivery's id rides along as a custom argument,
 * so SendGrid's event webhook can be matched to the delivery log.
 */
@ApplicationScoped
public class SendGridEmail implements EmailProvider {

    static final String NAME = "sendgrid";

    private final SendGridApi api;
    private final ObjectMapper json;
    private final String authorization;
    private final String from;
    private final String fromName;

    SendGridEmail(@RestClient SendGridApi api, ObjectMapper json, NotificationConfig config) {
        this.api = api;
        this.json = json;
        this.authorization = "Bearer " + config.sendgrid().apiKey();
        this.from = config.email().from();
        this.fromName = config.email().fromName();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Sent> send(Email email) {
        return ProviderReply.read(api.send(authorization, body(email)), "SendGrid", json, "X-Message-Id").map(reply -> {
            reply.throwIfPassing("SendGrid", detail(reply.body()));
            if (!reply.isSuccess()) {
                throw new ProviderRefused("SendGrid refused it (" + reply.status() + "): " + detail(reply.body()));
            }
            return new Sent(NAME, reply.header());
        });
    }

    private JsonNode body(Email email) {
        ObjectNode mail = json.createObjectNode();
        ObjectNode to = mail.putArray("personalizations").addObject();
        ObjectNode recipient = to.putArray("to").addObject().put("email", email.to());
        if (email.toName() != null && !email.toName().isBlank()) {
            recipient.put("name", email.toName());
        }
        to.putObject("custom_args").put("delivery_id", email.deliveryId().toString());
        mail.putObject("from").put("email", from).put("name", fromName);
        mail.put("subject", email.subject());
        ArrayNode content = mail.putArray("content");
        // text/plain first: SendGrid refuses HTML before it
        content.addObject().put("type", "text/plain").put("value", email.text());
        content.addObject().put("type", "text/html").put("value", email.html());
        return mail;
    }

    /** SendGrid's own words: {@code {"errors":[{"message": ..., "field": ...}]}}. */
    static String detail(JsonNode body) {
        JsonNode first = body == null ? null : body.path("errors").path(0);
        if (first == null || first.isMissingNode()) {
            return "no detail";
        }
        String field = first.path("field").asText(null);
        return first.path("message").asText("no detail") + (field == null || "null".equals(field) ? "" : " (" + field + ")");
    }
}
