package io.mall.notification.client.smtp;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.notification.NotificationConfig;
import io.mall.notification.client.Email;
import io.mall.notification.client.EmailProvider;
import io.mall.notification.client.ProviderRefused;
import io.mall.notification.client.ProviderUnavailable;
import io.mall.notification.client.Sent;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;

/**
 * Email through an SMTP relay with quarkus-mailer (locally the SMTP sink that {@code ./mall up}
 * starts). The message id is the delivery's, so a receiving server that sees a retry of a message it
 * already took can tell it is the same one.
 */
@ApplicationScoped
public class SmtpEmail implements EmailProvider {

    static final String NAME = "smtp";

    private final ReactiveMailer mailer;
    private final String from;

    SmtpEmail(ReactiveMailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.from = config.email().fromName() + " <" + config.email().from() + ">";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Sent> send(Email email) {
        String messageId = "<" + email.deliveryId() + "@mall.local>";
        Mail mail = Mail.withText(email.to(), email.subject(), email.text()).setHtml(email.html()).setFrom(from)
                .addHeader("Message-ID", messageId);
        return mailer.send(mail).replaceWith(new Sent(NAME, messageId)).onFailure().transform(SmtpEmail::classified);
    }

    /** A 5xx reply refuses the message for good (no such mailbox); a 4xx or no answer at all may pass. */
    private static Throwable classified(Throwable failure) {
        if (failure instanceof SMTPException smtp && smtp.isPermanent()) {
            return new ProviderRefused("the mail server refused it: " + smtp.getReplyCode() + " " + smtp.getReplyMessage());
        }
        return new ProviderUnavailable("the mail server did not take it: " + failure.getMessage(), failure);
    }
}
