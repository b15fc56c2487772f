package io.mall.notification.client;

/** A provider took the message; {@code providerId} is its id for it (for support, and its own logs). */
public record Sent(String provider, String providerId) {
}
