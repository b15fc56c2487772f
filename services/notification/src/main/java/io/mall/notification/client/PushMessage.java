package io.mall.notification.client;

import java.util.UUID;

/** A push notification to one device; {@code link} is opened when it is tapped. */
public record PushMessage(UUID deliveryId, String deviceToken, String title, String body, String link) {
}
