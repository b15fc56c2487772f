package io.mall.notification.client.twilio;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mall.notification.NotificationConfig;
import io.mall.notification.client.ProviderRefused;
import io.mall.notification.client.ProviderReply;
import io.mall.notification.client.Sent;
import io.mall.notification.client.SmsProvider;
import io.mall.notification.client.TextMessage;
import io.smallrye.mutiny.Uni;

/**
 * Text messages through Twilio's Messages API: a form post with HTTP Basic (an API key and its
 * secret, or the account SID and auth token), answered 201 with the message's {@code sid}.
 * Twilio's refusals name a code: an invalid or landline number (21211, 21614), a recipient who
 * answered STOP (21610) or a region not enabled (21408) are for good; 20429 (too many requests) and
 * 5xx may pass, as do refused credentials (20003), which an operator fixes without losing messages.
 */
@ApplicationScoped
public class TwilioSms implements SmsProvider {

    static final String NAME = "twilio";

    private static final Set<Integer> PASSING_CODES = Set.of(20003, 20429, 20500, 20503);

    private final TwilioApi api;
    private final ObjectMapper json;
    private final String account;
    private final String authorization;
    private final String from;
    private final String messagingService;

    TwilioSms(@RestClient TwilioApi api, ObjectMapper json, NotificationConfig config) {
        this.api = api;
        this.json = json;
        this.account = config.twilio().accountSid();
        String user = config.twilio().apiKey().orElse(account);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + config.twilio().secret()).getBytes(StandardCharsets.UTF_8));
        this.messagingService = config.sms().messagingServiceSid().orElse(null);
        this.from = messagingService == null ? config.sms().from().orElse(null) : null;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Sent> send(TextMessage message) {
        return ProviderReply.read(api.send(authorization, account, message.to(), from, messagingService, message.body()),
                "Twilio", json, null).map(reply -> {
                    String sid = reply.body() == null ? null : reply.body().path("sid").asText(null);
                    if (reply.isSuccess() && sid != null) {
                        return new Sent(NAME, sid);
                    }
                    int code = reply.body() == null ? 0 : reply.body().path("code").asInt(0);
                    if (PASSING_CODES.contains(code)) {
                        throw new io.mall.notification.client.ProviderUnavailable("Twilio answered " + reply.status() + ": " + detail(reply.body()),
                                reply.retryAfter());
                    }
                    reply.throwIfPassing("Twilio", detail(reply.body()));
                    throw new ProviderRefused("Twilio refused it (" + reply.status() + "): " + detail(reply.body()));
                });
    }

    /** Twilio's own words: {@code {"code": 21211, "message": ..., "more_info": ...}}. */
    static String detail(JsonNode body) {
        if (body == null) {
            return "no detail";
        }
        return body.path("code").asText("?") + " " + body.path("message").asText("no detail");
    }
}
