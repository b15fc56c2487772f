package io.mall.notification.api;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;

import io.mall.notification.app.DeviceRegistry;
import io.mall.notification.app.Feed;
import io.mall.notification.app.PreferenceChoices;
import io.mall.notification.domain.Category;
import io.mall.notification.domain.Channel;
import io.mall.notification.domain.Preferences;
import io.mall.notification.domain.QuietHours;
import io.mall.notification.domain.Trigger;
import io.mall.notification.store.FeedStore;
import io.smallrye.mutiny.Uni;

/**
 * A signed-in user's own notifications: the in-app feed, the preferences that decide what reaches
 * them where, and the devices push notifications go to. Nobody reaches another user's.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "CUSTOMER", "SUPPORT", "ADMIN" })
public class NotificationResource {

    public record FeedItem(UUID id, Trigger trigger, String title, String body, String link, Instant createdAt, Instant readAt) {
    }

    public record FeedPage(List<FeedItem> items, long unread, long total, int page, int size) {
    }

    public record MarkedRead(int marked) {
    }

    public record QuietHoursView(LocalTime start, LocalTime end) {
    }

    /** Every category with its channels; quiet hours {@code null} when off. */
    public record PreferencesView(Map<Category, Set<Channel>> channels, QuietHoursView quietHours, String timeZone,
            Instant marketingConsentAt) {
    }

    /**
     * What to change; whatever is left out stays as it is.
     *
     * @param channels      the categories to change, each with every channel it should go out on
     * @param quietHours    new quiet hours
     * @param quietHoursOff {@code true} to have none
     * @param timeZone      an IANA zone
     */
    public record PreferencesForm(@Size(max = 4) Map<@NotNull Category, @NotNull @Size(max = 4) Set<@NotNull Channel>> channels,
            @Valid QuietHoursForm quietHours, Boolean quietHoursOff, @Size(max = 64) String timeZone) {
    }

    public record QuietHoursForm(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    public record DeviceForm(@NotBlank @Size(max = 4096) @Pattern(regexp = "[\\x21-\\x7E]+", message = "a push token is printable ASCII without spaces") String token,
            @NotNull @Pattern(regexp = "ANDROID|IOS|WEB") String platform) {
    }

    public record DeviceView(String token, String platform) {
    }

    private final Feed feed;
    private final PreferenceChoices preferences;
    private final DeviceRegistry devices;
    private final JsonWebToken caller;

    NotificationResource(Feed feed, PreferenceChoices preferences, DeviceRegistry devices, JsonWebToken caller) {
        this.feed = feed;
        this.preferences = preferences;
        this.devices = devices;
        this.caller = caller;
    }

    /** The caller's feed, newest first, with how many are unread. */
    @GET
    public Uni<FeedPage> feed(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return feed.page(Callers.self(caller), page, size).map(found -> new FeedPage(found.items().stream().map(NotificationResource::view).toList(),
                found.unread(), found.total(), page, size));
    }

    @POST
    @Path("/{id}/read")
    public Uni<RestResponse<Void>> markRead(@PathParam("id") UUID id) {
        return feed.markRead(Callers.self(caller), id).replaceWith(RestResponse.noContent());
    }

    @POST
    @Path("/read")
    public Uni<MarkedRead> markAllRead() {
        return feed.markAllRead(Callers.self(caller)).map(MarkedRead::new);
    }

    @GET
    @Path("/preferences")
    public Uni<PreferencesView> preferences() {
        return preferences.of(Callers.self(caller)).map(NotificationResource::view);
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PreferencesView> choose(@NotNull @Valid PreferencesForm form) {
        QuietHours quiet = form.quietHours() == null ? null : new QuietHours(form.quietHours().start(), form.quietHours().end());
        return preferences.choose(Callers.self(caller), form.channels(), quiet, Boolean.TRUE.equals(form.quietHoursOff()), form.timeZone())
                .map(NotificationResource::view);
    }

    /** Registers a device for push; 201 when it is new to the caller, 200 when it was theirs already. */
    @POST
    @Path("/devices")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<DeviceView>> register(@NotNull @Valid DeviceForm form) {
        return devices.register(Callers.self(caller), form.token(), form.platform()).map(created -> {
            DeviceView view = new DeviceView(form.token(), form.platform());
            return created ? RestResponse.status(RestResponse.Status.CREATED, view) : RestResponse.ok(view);
        });
    }

    @DELETE
    @Path("/devices/{token}")
    public Uni<RestResponse<Void>> remove(@PathParam("token") @Size(max = 4096) String token) {
        return devices.remove(Callers.self(caller), token).replaceWith(RestResponse.noContent());
    }

    private static FeedItem view(FeedStore.Item item) {
        return new FeedItem(item.id(), item.trigger(), item.title(), item.body(), item.link(), item.createdAt(), item.readAt());
    }

    private static PreferencesView view(Preferences preferences) {
        QuietHours quiet = preferences.quietHours();
        return new PreferencesView(preferences.channels(), quiet == null ? null : new QuietHoursView(quiet.start(), quiet.end()),
                preferences.timeZone().getId(), preferences.marketingConsentAt());
    }
}
