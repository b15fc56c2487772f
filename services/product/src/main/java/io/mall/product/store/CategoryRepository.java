package io.mall.product.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import io.mall.product.domain.Category;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The categories collection; {@code path} is unique, so two categories of one name under one parent cannot both be written. */
@ApplicationScoped
public class CategoryRepository implements ReactivePanacheMongoRepositoryBase<Category, String> {

    /** Inserts the category; false when its path is taken. */
    public Uni<Boolean> insert(Category category) {
        return persist(category).replaceWith(true).onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
    }

    /** Writes the category; false when its new path is taken. */
    public Uni<Boolean> write(Category category) {
        return update(category).replaceWith(true).onFailure(MongoErrors::isDuplicateKey).recoverWithItem(false);
    }

    public Uni<List<Category>> all() {
        return listAll(Sort.ascending("path"));
    }

    /** Every category below this one, at any depth. */
    public Uni<List<Category>> descendantsOf(String id) {
        return list(new Document("ancestorIds", id));
    }

    public Uni<Long> childrenOf(String id) {
        return count("parentId", id);
    }
}
