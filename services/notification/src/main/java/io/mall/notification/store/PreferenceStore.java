package io.mall.notification.store;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.notification.domain.Category;
import io.mall.notification.domain.Channel;
import io.mall.notification.domain.Preferences;
import io.mall.notification.domain.QuietHours;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Users' preferences; a user who never chose has no row and gets the defaults. */
@ApplicationScoped
public class PreferenceStore {

    private final Pool database;

    PreferenceStore(Pool database) {
        this.database = database;
    }

    public Uni<Preferences> find(UUID userId) {
        return find(database, userId, "");
    }

    /**
     * Changes the user's preferences as {@code change} decides from the current ones, with the row
     * locked, so two changes at once are applied one after the other (neither is lost).
     */
    public Uni<Preferences> change(UUID userId, Function<Preferences, Preferences> change, Instant now) {
        return database.withTransaction(connection -> connection
                .preparedQuery("INSERT INTO preferences (user_id, channels, quiet_start, quiet_end, time_zone, updated_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id) DO NOTHING")
                .execute(row(Preferences.defaults(userId), now))
                .chain(() -> find(connection, userId, " FOR UPDATE"))
                .chain(current -> {
                    Preferences next = change.apply(current);
                    return connection.preparedQuery("UPDATE preferences SET channels = $2, quiet_start = $3, quiet_end = $4, time_zone = $5,"
                            + " updated_at = $6, marketing_consent_at = $7 WHERE user_id = $1")
                            .execute(row(next, now).addValue(Rows.utc(next.marketingConsentAt())))
                            .replaceWith(next);
                }));
    }

    public Uni<Void> erase(SqlClient connection, UUID userId) {
        return connection.preparedQuery("DELETE FROM preferences WHERE user_id = $1").execute(Tuple.of(userId)).replaceWithVoid();
    }

    private static Uni<Preferences> find(SqlClient client, UUID userId, String lock) {
        return client.preparedQuery("SELECT * FROM preferences WHERE user_id = $1" + lock).execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? Preferences.defaults(userId) : read(rows.iterator().next()));
    }

    private static Tuple row(Preferences preferences, Instant now) {
        JsonObject channels = new JsonObject();
        preferences.channels().forEach((category, set) -> channels.put(category.name(),
                new JsonArray(set.stream().map(Channel::name).toList())));
        QuietHours quiet = preferences.quietHours();
        return Tuple.of(preferences.userId(), channels, quiet == null ? null : quiet.start(), quiet == null ? null : quiet.end(),
                preferences.timeZone().getId(), Rows.utc(now));
    }

    private static Preferences read(Row row) {
        JsonObject stored = row.getJsonObject("channels");
        Map<Category, Set<Channel>> channels = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            JsonArray names = stored.getJsonArray(category.name());
            Set<Channel> set = EnumSet.noneOf(Channel.class);
            if (names != null) {
                names.forEach(name -> set.add(Channel.valueOf(String.valueOf(name))));
            }
            channels.put(category, set);
        }
        QuietHours quiet = row.getLocalTime("quiet_start") == null ? null
                : new QuietHours(row.getLocalTime("quiet_start"), row.getLocalTime("quiet_end"));
        return new Preferences(row.getUUID("user_id"), channels, quiet, ZoneId.of(row.getString("time_zone")),
                Rows.instant(row.getOffsetDateTime("marketing_consent_at")));
    }
}
