package io.mall.product.domain;

import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A node of the category tree. {@code ancestorIds} (root first) lets a filter on a category
 * include its descendants with one indexed query; {@code path} is the slugs from the root.
 */
@MongoEntity(collection = "categories")
public class Category {

    @BsonId
    public String id;
    public String name;
    public String slug;
    public String parentId;
    public List<String> ancestorIds = new ArrayList<>();
    public String path;
    public long version;
}
