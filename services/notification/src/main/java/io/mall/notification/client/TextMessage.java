package io.mall.notification.client;

import java.util.UUID;

/** A text message to a phone number in E.164 form ({@code +821012345678}). */
public record TextMessage(UUID deliveryId, String to, String body) {
}
