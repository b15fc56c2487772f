package io.mall.notification.client;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.mall.notification.NotificationConfig;

/** The provider of each channel, as configured: a name that matches none stops the service at start. */
@ApplicationScoped
public class Providers {

    private final EmailProvider email;
    private final SmsProvider sms;
    private final PushProvider push;

    Providers(@Any Instance<EmailProvider> emails, @Any Instance<SmsProvider> texts, @Any Instance<PushProvider> pushes,
            NotificationConfig config) {
        this.email = chosen(emails.stream().collect(Collectors.toMap(EmailProvider::name, Function.identity())),
                config.email().provider(), "mall.notification.email.provider");
        this.sms = chosen(texts.stream().collect(Collectors.toMap(SmsProvider::name, Function.identity())),
                config.sms().provider(), "mall.notification.sms.provider");
        this.push = chosen(pushes.stream().collect(Collectors.toMap(PushProvider::name, Function.identity())),
                config.push().provider(), "mall.notification.push.provider");
    }

    public EmailProvider email() {
        return email;
    }

    public SmsProvider sms() {
        return sms;
    }

    public PushProvider push() {
        return push;
    }

    private static <T> T chosen(Map<String, T> byName, String name, String property) {
        T provider = byName.get(name);
        if (provider == null) {
            throw new IllegalStateException(property + "=" + name + " names no provider; known: " + byName.keySet());
        }
        return provider;
    }
}
