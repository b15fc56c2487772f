package io.mall.notification.client.sandbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.notification.client.DeviceTokenInvalid;
import io.mall.notification.client.PushMessage;
import io.mall.notification.client.PushProvider;
import io.mall.notification.client.Sent;
import io.smallrye.mutiny.Uni;

/**
 * Push on a developer's machine: accepted and logged, sent nowhere. A token that starts with
 * {@code unregistered-} is answered as FCM answers an app that was removed, so the forgetting of
 * dead devices can be seen locally.
 */
@ApplicationScoped
public class SandboxPush implements PushProvider {

    private static final Logger LOG = Logger.getLogger(SandboxPush.class);

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Uni<Sent> send(PushMessage message) {
        return Uni.createFrom().item(() -> {
            if (message.deviceToken().startsWith("unregistered-")) {
                throw new DeviceTokenInvalid("UNREGISTERED: the sandbox knows no such app instance");
            }
            LOG.infof("sandbox push to device …%s: %s — %s", Sandboxes.lastFour(message.deviceToken()), message.title(), message.body());
            return new Sent(name(), "projects/sandbox/messages/" + message.deliveryId());
        });
    }
}
