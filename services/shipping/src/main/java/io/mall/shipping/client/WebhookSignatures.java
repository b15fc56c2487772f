package io.mall.shipping.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks of webhook calls, in constant time so that a guess learns nothing from how long a refusal took. */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    /** Whether {@code presented} is the shared secret. */
    public static boolean sameSecret(String presented, String secret) {
        if (presented == null || secret == null || secret.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64 of HMAC-SHA256 of the raw body under {@code key}. */
    public static String hmacSha256Base64(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
