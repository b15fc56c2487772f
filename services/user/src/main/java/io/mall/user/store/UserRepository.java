package io.mall.user.store;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.user.domain.Role;
import io.mall.user.domain.User;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Uni<User> findByEmail(String normalisedEmail) {
        return find("email", normalisedEmail).firstResult();
    }

    /** A page of accounts whose email contains {@code text} (if given) and that hold {@code role} (if given), newest first. */
    public Uni<List<User>> search(String text, Role role, int page, int size) {
        return query(text, role).page(Page.of(page, size)).list();
    }

    public Uni<Long> count(String text, Role role) {
        return query(text, role).count();
    }

    private io.quarkus.hibernate.reactive.panache.PanacheQuery<User> query(String text, Role role) {
        // roles are stored as a sorted comma-joined list; a role name never contains another's
        String where = "erasedAt is null and email like :text escape '\\' and roleList like :role";
        Parameters parameters = Parameters.with("text", "%" + likeLiteral(text == null ? "" : text.toLowerCase(java.util.Locale.ROOT)) + "%")
                .and("role", role == null ? "%" : "%" + role.name() + "%");
        return find(where, Sort.descending("createdAt").and("id"), parameters);
    }

    /** Text a shopper typed, matched literally: % and _ mean nothing special. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
