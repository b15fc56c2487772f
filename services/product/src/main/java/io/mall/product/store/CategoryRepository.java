package io.mall.product.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.product.domain.Category;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;

/** The categories collection. */
@ApplicationScoped
public class CategoryRepository implements ReactivePanacheMongoRepositoryBase<Category, String> {
}
