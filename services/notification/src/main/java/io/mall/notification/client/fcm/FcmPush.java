package io.mall.notification.client.fcm;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mall.notification.NotificationConfig;
import io.mall.notification.client.DeviceTokenInvalid;
import io.mall.notification.client.ProviderRefused;
import io.mall.notification.client.ProviderReply;
import io.mall.notification.client.PushMessage;
import io.mall.notification.client.PushProvider;
import io.mall.notification.client.Sent;
import io.smallrye.mutiny.Uni;

/**
 * Push notifications through FCM HTTP v1. Errors are Google's {@code {"error": {code, message,
 * status, details: [{FcmError errorCode}]}}}: {@code UNREGISTERED} (404), a token FCM does not
 * recognise ({@code INVALID_ARGUMENT} about the token) and {@code SENDER_ID_MISMATCH} (403) mean the
 * device token is useless and is forgotten; {@code QUOTA_EXCEEDED} (429), {@code UNAVAILABLE} (503)
 * and {@code INTERNAL} (500) may pass, after {@code Retry-After} when given.
 */
@ApplicationScoped
public class FcmPush implements PushProvider {

    static final String NAME = "fcm";

    private final FcmApi api;
    private final ObjectMapper json;
    private final String project;

    FcmPush(@RestClient FcmApi api, ObjectMapper json, NotificationConfig config) {
        this.api = api;
        this.json = json;
        this.project = config.push().fcmProject();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Sent> send(PushMessage push) {
        return ProviderReply.read(api.send(project, body(push)), "FCM", json, null).map(reply -> {
            String name = reply.body() == null ? null : reply.body().path("name").asText(null);
            if (reply.isSuccess() && name != null) {
                return new Sent(NAME, name);
            }
            String code = errorCode(reply.body());
            String detail = code + ": " + reply.body().path("error").path("message").asText("no detail");
            if ("UNREGISTERED".equals(code) || "SENDER_ID_MISMATCH".equals(code)
                    || ("INVALID_ARGUMENT".equals(code) && aboutTheToken(reply.body()))) {
                throw new DeviceTokenInvalid("FCM no longer knows the device (" + detail + ")");
            }
            reply.throwIfPassing("FCM", detail);
            throw new ProviderRefused("FCM refused it (" + reply.status() + "): " + detail);
        });
    }

    private JsonNode body(PushMessage push) {
        ObjectNode root = json.createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("token", push.deviceToken());
        message.putObject("notification").put("title", push.title()).put("body", push.body());
        ObjectNode data = message.putObject("data");
        data.put("deliveryId", push.deliveryId().toString());
        if (push.link() != null) {
            data.put("link", push.link());
        }
        return root;
    }

    /** The FcmError code in {@code details}, else Google's canonical status (an expired token of ours: UNAUTHENTICATED). */
    private static String errorCode(JsonNode body) {
        JsonNode error = body == null ? null : body.path("error");
        if (error == null || error.isMissingNode()) {
            return "UNSPECIFIED_ERROR";
        }
        for (JsonNode detail : error.path("details")) {
            if (detail.path("@type").asText("").endsWith("google.firebase.fcm.v1.FcmError")) {
                return detail.path("errorCode").asText("UNSPECIFIED_ERROR");
            }
        }
        return error.path("status").asText("UNSPECIFIED_ERROR");
    }

    /** A bad payload comes with {@code google.rpc.BadRequest} field violations; a bad token does not. */
    private static boolean aboutTheToken(JsonNode body) {
        for (JsonNode detail : body.path("error").path("details")) {
            if (detail.path("@type").asText("").endsWith("google.rpc.BadRequest")) {
                return false;
            }
        }
        return body.path("error").path("message").asText("").toLowerCase(java.util.Locale.ROOT).contains("token");
    }
}
