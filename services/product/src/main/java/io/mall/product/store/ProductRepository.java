package io.mall.product.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.product.domain.Product;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;

/** The products collection. */
@ApplicationScoped
public class ProductRepository implements ReactivePanacheMongoRepositoryBase<Product, String> {
}
