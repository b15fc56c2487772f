package io.mall.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mall.testing.MallTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Relevance, filters, facets and sorting on a small fixed catalog of its own categories. */
@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class SearchTest {

    private static String shoes;
    private static String running;
    private static String koreanRunner;
    private static String trailShoe;
    private static String boots;
    private static String socks;
    private static String soldOut;

    @BeforeEach
    void catalog() {
        if (shoes != null) {
            return;
        }
        shoes = Admin.category("신발", null);
        running = Admin.category("러닝", shoes);
        String formal = Admin.category("정장화", shoes);
        koreanRunner = Admin.create(Admin.product("초경량 러닝화 에어", "나이키",
                "매일 달리는 분께 러닝운동화를 추천합니다. 가볍고 통기성이 좋습니다.", running,
                Map.of("colour", "white"), List.of(Admin.variant(Admin.sku("NK"), 129_000, 5)))).getString("id");
        trailShoe = Admin.create(Admin.product("Trail Running Shoe", "Salomon",
                "Grippy shoes for muddy mountain trails.", running,
                Map.of("colour", "black"), List.of(Admin.variant(Admin.sku("SAL"), 189_000, 3)))).getString("id");
        boots = Admin.create(Admin.product("Leather Boots", "Dr. Martens", "Classic eight-eye boots.", formal,
                Map.of("colour", "brown"), List.of(Admin.variant(Admin.sku("DRM"), 259_000, 2)))).getString("id");
        socks = Admin.create(Admin.product("Cotton Running Socks", "Mall Basics", "Three pairs of socks for runners.", running,
                Map.of("colour", "white"), List.of(Admin.variant(Admin.sku("SOX"), 9_000, 50)))).getString("id");
        soldOut = Admin.create(Admin.product("Racing Flats", "Adidas", "Light racing shoes.", running,
                Map.of("colour", "black"), List.of(Admin.variant(Admin.sku("ADI"), 159_000, 0)))).getString("id");
    }

    @Test
    void findsAKoreanWordInsideALongerKoreanWord() {
        JsonPath found = search(Map.of("q", "운동화", "category", shoes));

        assertThat(ids(found)).first().isEqualTo(koreanRunner);
    }

    @Test
    void findsEnglishWordsWhateverTheirCaseAndNumber() {
        assertThat(ids(search(Map.of("q", "SHOES", "category", shoes)))).contains(trailShoe, soldOut).doesNotContain(boots);
        assertThat(ids(search(Map.of("q", "boot", "category", shoes)))).containsExactly(boots);
        assertThat(ids(search(Map.of("q", "running shoe", "category", shoes)))).first().isEqualTo(trailShoe);
    }

    @Test
    void aSearchAskedAgainIsAnsweredTheSameUntilTheCatalogChangesAndThenSeesTheChange() {
        String category = Admin.category("캠핑", null);
        Map<String, String> criteria = Map.of("q", "tent", "category", category);
        assertThat(ids(search(criteria))).isEmpty();
        assertThat(ids(search(criteria))).isEmpty();

        String tent = Admin.create(Admin.product("Dome Tent", "Mall Outdoor", "A tent for two.", category,
                Map.of("colour", "green"), List.of(Admin.variant(Admin.sku("TNT"), 99_000, 4)))).getString("id");

        JsonPath found = search(criteria);
        assertThat(ids(found)).containsExactly(tent);
        assertThat(found.getLong("total")).isEqualTo(1);
        assertThat(ids(search(criteria))).containsExactly(tent);
    }

    @Test
    void aCategoryFilterIncludesItsDescendants() {
        assertThat(ids(search(Map.of("category", shoes)))).containsExactlyInAnyOrder(koreanRunner, trailShoe, boots, socks, soldOut);
        assertThat(ids(search(Map.of("category", running)))).containsExactlyInAnyOrder(koreanRunner, trailShoe, socks, soldOut);
    }

    @Test
    void filtersByPriceAttributeAndStock() {
        assertThat(ids(search(Map.of("category", shoes, "minPrice", "100000", "maxPrice", "200000"))))
                .containsExactlyInAnyOrder(koreanRunner, trailShoe, soldOut);
        assertThat(ids(search(Map.of("category", shoes, "attr.colour", "black")))).containsExactlyInAnyOrder(trailShoe, soldOut);
        assertThat(ids(search(Map.of("category", shoes, "inStock", "true")))).doesNotContain(soldOut).hasSize(4);
    }

    @Test
    void facetsAreCountedOverTheFilteredResult() {
        JsonPath all = search(Map.of("category", shoes));
        assertThat(all.getList("facets.brand.value", String.class))
                .containsExactlyInAnyOrder("나이키", "Salomon", "Dr. Martens", "Mall Basics", "Adidas");
        assertThat(all.getInt("facets.price.find { it.value == '0-10000' }.count")).isEqualTo(1);
        assertThat(all.getInt("facets.'attr.colour'.find { it.value == 'white' }.count")).isEqualTo(2);

        JsonPath black = search(Map.of("category", shoes, "attr.colour", "black"));
        assertThat(black.getList("facets.brand.value", String.class)).containsExactlyInAnyOrder("Salomon", "Adidas");
        assertThat(black.getInt("total")).isEqualTo(2);
    }

    @Test
    void sortsAndPages() {
        assertThat(ids(search(Map.of("category", shoes, "sort", "price_asc"))))
                .containsExactly(socks, koreanRunner, soldOut, trailShoe, boots);
        assertThat(ids(search(Map.of("category", shoes, "sort", "price_desc")))).first().isEqualTo(boots);

        JsonPath second = search(Map.of("category", shoes, "sort", "price_asc", "size", "2", "page", "1"));
        assertThat(ids(second)).containsExactly(soldOut, trailShoe);
        assertThat(second.getInt("total")).isEqualTo(5);
        assertThat(second.getInt("pages")).isEqualTo(3);
    }

    @Test
    void badParametersAreNamedAndInjectionShapedValuesAreJustText() {
        Map<String, String> bad = Map.of("minPrice", "{\"$gt\": \"\"}", "maxPrice", "-1", "size", "1000", "sort", "cheapest",
                "inStock", "yes", "minRating", "6", "page", "x");
        bad.forEach((name, value) -> given().queryParam(name, value).when().get("/api/v1/products")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo(name)));
        assertThat(search(Map.of("q", "{\"$gt\": \"\"}", "category", shoes)).getInt("total")).isZero();
        assertThat(search(Map.of("category", "{\"$gt\": \"\"}")).getInt("total")).isZero();
        assertThat(search(Map.of("attr.colour", "{\"$ne\": null}", "category", shoes)).getInt("total")).isZero();
    }

    private static JsonPath search(Map<String, String> query) {
        return given().queryParams(query).when().get("/api/v1/products")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.id", String.class);
    }
}
