package io.mall.user.store;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.user.domain.Language;
import io.mall.user.domain.RolesConverter;
import io.mall.user.domain.User;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads one account with one prepared statement and no Hibernate session: the profile read is the
 * busiest read of the service, and opening and closing a reactive session was a fifth of its time.
 * What it returns is detached, for reading only; changes go through {@link UserRepository}.
 */
@ApplicationScoped
public class AccountReads {

    private static final String SELECT = """
            SELECT id, email, display_name_cipher, phone_cipher, locale, roles, admin_locked, created_at, updated_at,
                   erased_at, version
            FROM users WHERE id = $1""";
    private static final RolesConverter ROLES = new RolesConverter();

    private final Pool database;

    AccountReads(Pool database) {
        this.database = database;
    }

    /** The account with this id as stored (erased ones too), or null. */
    public Uni<User> find(UUID id) {
        return database.preparedQuery(SELECT).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : user(rows.iterator().next()));
    }

    private static User user(Row row) {
        User user = new User();
        user.id = row.getUUID("id");
        user.email = row.getString("email");
        user.displayNameCipher = row.getString("display_name_cipher");
        user.phoneCipher = row.getString("phone_cipher");
        user.locale = Language.valueOf(row.getString("locale"));
        user.roles = ROLES.convertToEntityAttribute(row.getString("roles"));
        user.adminLocked = row.getBoolean("admin_locked");
        user.createdAt = row.getOffsetDateTime("created_at").toInstant();
        user.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        user.erasedAt = row.getOffsetDateTime("erased_at") == null ? null : row.getOffsetDateTime("erased_at").toInstant();
        user.version = row.getLong("version");
        return user;
    }
}
