package io.mall.notification.client;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Looks up how to reach a user. An account that is gone (erased, never existed) is empty; a user
 * service that does not answer fails as {@link ProviderUnavailable}, so the delivery waits and is
 * tried again instead of being lost.
 */
@ApplicationScoped
public class UserDirectory {

    private final UserApi api;
    private final ObjectMapper json;

    UserDirectory(@RestClient UserApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000)
    public Uni<Optional<Contact>> contact(UUID userId) {
        return ProviderReply.read(api.contact(userId), "the user service", json, null).map(reply -> {
            if (reply.status() == 404) {
                return Optional.<Contact>empty();
            }
            if (!reply.isSuccess() || reply.body() == null) {
                throw new ProviderUnavailable("the user service answered " + reply.status() + " for a contact", reply.retryAfter());
            }
            try {
                return Optional.of(json.treeToValue(reply.body(), Contact.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ProviderUnavailable("the user service's contact could not be read: " + e.getOriginalMessage(), (java.time.Duration) null);
            }
        });
    }
}
