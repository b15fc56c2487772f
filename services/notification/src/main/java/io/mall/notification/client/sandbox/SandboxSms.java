package io.mall.notification.client.sandbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.mall.notification.client.ProviderRefused;
import io.mall.notification.client.Sent;
import io.mall.notification.client.SmsProvider;
import io.mall.notification.client.TextMessage;
import io.smallrye.mutiny.Uni;

/**
 * Text messages on a developer's machine: accepted and logged (the number's last four digits
 * only), sent nowhere; the delivery log and the in-app feed show what went out. A number that is not
 * in E.164 form is refused, as Twilio refuses it (21211).
 */
@ApplicationScoped
public class SandboxSms implements SmsProvider {

    private static final Logger LOG = Logger.getLogger(SandboxSms.class);

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Uni<Sent> send(TextMessage message) {
        return Uni.createFrom().item(() -> {
            if (!message.to().matches("\\+[1-9][0-9]{7,14}")) {
                throw new ProviderRefused("21211 the 'To' number " + Sandboxes.lastFour(message.to()) + " is not a valid phone number");
            }
            LOG.infof("sandbox text to …%s: %s", Sandboxes.lastFour(message.to()), message.body());
            return new Sent(name(), "SMsandbox" + message.deliveryId().toString().replace("-", ""));
        });
    }
}
