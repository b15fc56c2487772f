package io.mall.notification.client;

import java.util.UUID;

/** An email as written for one delivery: both bodies, so every mail client shows it well. */
public record Email(UUID deliveryId, String to, String toName, String subject, String text, String html) {
}
