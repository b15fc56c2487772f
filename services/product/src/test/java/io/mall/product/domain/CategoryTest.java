package io.mall.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mall.domain.BrokenRule;
import io.mall.domain.Conflict;

class CategoryTest {

    private final Category shoes = Category.create("shoes", "Shoes", null);
    private final Category running = Category.create("running", "Running Shoes", shoes);
    private final Category trail = Category.create("trail", "Trail", running);

    @Test
    void aCategoryBelowAnotherCarriesItsAncestryAndPath() {
        assertThat(trail.ancestorIds).containsExactly("shoes", "running");
        assertThat(trail.path).isEqualTo("/shoes/running-shoes/trail");
        assertThat(shoes.parentId).isNull();
    }

    @Test
    void aCategoryCannotMoveBelowItselfOrItsDescendants() {
        assertThatThrownBy(() -> running.placeUnder(running)).isInstanceOf(BrokenRule.class)
                .satisfies(e -> assertThat(((BrokenRule) e).field()).isEqualTo("parentId"));
        assertThatThrownBy(() -> shoes.placeUnder(trail)).isInstanceOf(BrokenRule.class);
    }

    @Test
    void descendantsFollowAMovedCategory() {
        Category sale = Category.create("sale", "Sale", null);
        String oldPath = running.path;
        List<String> oldAncestry = running.ancestry();

        running.placeUnder(sale);
        trail.follow(running, oldPath, oldAncestry);

        assertThat(trail.ancestorIds).containsExactly("sale", "running");
        assertThat(trail.path).isEqualTo("/sale/running-shoes/trail");
    }

    @Test
    void onlyAnEmptyLeafMayBeDeleted() {
        assertThatThrownBy(() -> shoes.checkDeletable(1, 0)).isInstanceOf(Conflict.class).hasMessageContaining("subcategories");
        assertThatThrownBy(() -> trail.checkDeletable(0, 3)).isInstanceOf(Conflict.class).hasMessageContaining("3 products");
        trail.checkDeletable(0, 0);
    }
}
