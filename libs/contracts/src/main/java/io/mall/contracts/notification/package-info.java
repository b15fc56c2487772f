/** What the notification service publishes: deliveries it gave up on, on {@code notification.dead-letter}. */
package io.mall.contracts.notification;
