package io.mall.review.domain;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A product a shopper received, learned from {@code order.delivered}: what makes them eligible to
 * review it, once for that order.
 */
@MongoEntity(collection = "purchases")
public class Purchase {

    /** {@code <orderId>:<productId>} */
    @BsonId
    public String id;
    public String userId;
    public String orderId;
    public String productId;
    public String productName;
    public Instant deliveredAt;

    public static String key(String orderId, String productId) {
        return orderId + ":" + productId;
    }
}
