package io.mall.notification.client;

import java.util.UUID;

/**
 * How to reach a user, asked of the user service when a message is sent (events carry no personal
 * data, so an erased account simply has none).
 *
 * @param phone  {@code null} when the user gave none
 * @param locale {@code ko} or {@code en}
 */
public record Contact(UUID id, String email, String displayName, String phone, String locale) {
}
