package io.mall.product.domain;

import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;

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

    /** A new category of this name below {@code parent} (null: at the top). */
    public static Category create(String id, String name, Category parent) {
        Category category = new Category();
        category.id = id;
        category.rename(name);
        category.placeUnder(parent);
        return category;
    }

    public void rename(String newName) {
        name = newName.strip();
        slug = Slugs.of(newName);
    }

    /** Puts the category below {@code parent} (null: at the top), refusing to put it below itself. */
    public void placeUnder(Category parent) {
        if (parent != null && (parent.id.equals(id) || parent.ancestorIds.contains(id))) {
            throw new BrokenRule("parentId", "a category cannot move below itself");
        }
        parentId = parent == null ? null : parent.id;
        ancestorIds = parent == null ? new ArrayList<>() : parent.ancestry();
        path = (parent == null ? "" : parent.path) + "/" + slug;
    }

    /** After {@code moved} went from {@code oldPath} with {@code oldAncestry}: this descendant follows it. */
    public void follow(Category moved, String oldPath, List<String> oldAncestry) {
        List<String> below = ancestorIds.subList(oldAncestry.size(), ancestorIds.size());
        List<String> next = moved.ancestry();
        next.addAll(below);
        ancestorIds = next;
        path = moved.path + path.substring(oldPath.length());
    }

    /** The ids from the root down to this category, itself included. */
    public List<String> ancestry() {
        List<String> ancestry = new ArrayList<>(ancestorIds);
        ancestry.add(id);
        return ancestry;
    }

    /** Only an empty leaf may go: products and subcategories would be left without a place. */
    public void checkDeletable(long subcategories, long products) {
        if (subcategories > 0) {
            throw new Conflict("category " + path + " has subcategories");
        }
        if (products > 0) {
            throw new Conflict("category " + path + " still has " + products + " products");
        }
    }
}
