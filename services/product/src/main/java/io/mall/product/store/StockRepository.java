package io.mall.product.store;

import jakarta.enterprise.context.ApplicationScoped;

import io.mall.product.domain.StockItem;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;

/** The stock collection. */
@ApplicationScoped
public class StockRepository implements ReactivePanacheMongoRepositoryBase<StockItem, String> {
}
