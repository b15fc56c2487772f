package io.mall.product;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mall.testing.MallTestResource;
import io.mall.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = MallTestResource.class, initArgs = {
        @ResourceArg(name = "service", value = "product"),
        @ResourceArg(name = "servers", value = "mongo,kafka") })
class CatalogTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAdministratorCreatesAProductThatEveryoneCanRead() {
        String category = Admin.category("Shoes", null);
        String sku = Admin.sku("RUN");

        JsonPath created = Admin.create(Admin.product("Road Runner", "Asics", "Daily trainer", category,
                Map.of("material", "mesh"), List.of(Admin.variant(sku, 139_000, 7))));

        given().when().get("/api/v1/products/" + created.getString("id"))
                .then().statusCode(200)
                .body("name", equalTo("Road Runner"))
                .body("variants[0].sku", equalTo(sku))
                .body("variants[0].price", equalTo(139_000))
                .body("variants[0].currency", equalTo("KRW"))
                .body("variants[0].available", equalTo(7))
                .body("version", equalTo(1));
    }

    @Test
    void onlyAdministratorsChangeTheCatalog() {
        String category = Admin.category("Shoes", null);
        Map<String, Object> product = Admin.product("Any", "Any", "Any", category, Map.of(),
                List.of(Admin.variant(Admin.sku("ACL"), 1_000, 1)));
        given().contentType(ContentType.JSON).body(product).when().post("/api/v1/products").then().statusCode(401);
        for (String token : List.of(TestTokens.customer("u-1"), TestTokens.support("s-1"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(product)
                    .when().post("/api/v1/products").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "x"))
                    .when().post("/api/v1/categories").then().statusCode(403);
        }
        given().when().get("/api/v1/categories").then().statusCode(200);
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        String category = Admin.category("Shoes", null);
        String sku = Admin.sku("VER");
        String id = Admin.create(Admin.product("Versioned", "B", "d", category, Map.of(), List.of(Admin.variant(sku, 50_000, 1))))
                .getString("id");

        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("version", 1, "price", 45_000, "currency", "KRW"))
                .when().put("/api/v1/products/" + id + "/variants/" + sku + "/price")
                .then().statusCode(200).body("version", equalTo(2)).body("variants[0].price", equalTo(45_000));

        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("version", 1, "name", "Renamed", "categoryId", category))
                .when().put("/api/v1/products/" + id)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("version 2"));

        given().when().get("/api/v1/products/" + id).then().body("name", equalTo("Versioned"))
                .body("variants[0].price", equalTo(45_000));
    }

    @Test
    void archivedProductsDisappearFromPublicReads() {
        String category = Admin.category("Shoes", null);
        String id = Admin.create(Admin.product("Old model", "B", "d", category, Map.of(),
                List.of(Admin.variant(Admin.sku("ARC"), 50_000, 1)))).getString("id");

        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON).body(Map.of("version", 1))
                .when().post("/api/v1/products/" + id + "/archive").then().statusCode(200).body("archived", equalTo(true));

        given().when().get("/api/v1/products/" + id).then().statusCode(404);
        given().queryParam("category", category).when().get("/api/v1/products").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badProductsAreRefusedNamingTheProblemAndNothingIsCreated() {
        String category = Admin.category("Shoes", null);
        String taken = Admin.stockedSku(category, 1);
        String fresh = Admin.sku("NEW");

        Map<String, Object> negative = Admin.product("Bad", "B", "d", category, Map.of(), List.of(Admin.variant(fresh, -1, 1)));
        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON).body(negative)
                .when().post("/api/v1/products").then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", hasItem("variants[0].price"));

        Map<String, Object> unknownCategory = Admin.product("Bad", "B", "d", "no-such-category", Map.of(),
                List.of(Admin.variant(fresh, 1, 1)));
        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON).body(unknownCategory)
                .when().post("/api/v1/products").then().statusCode(422).body("violations[0].field", equalTo("categoryId"));

        Map<String, Object> duplicate = Admin.product("Bad", "B", "d", category, Map.of(),
                List.of(Admin.variant(fresh, 1, 1), Admin.variant(taken, 1, 1)));
        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON).body(duplicate)
                .when().post("/api/v1/products").then().statusCode(409).body("detail", containsString(taken));

        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON)
                .body("{\"name\": \"Bad\", \"categoryId\": \"" + category + "\", \"variants\": [{\"sku\": \"" + fresh
                        + "\", \"price\": \"cheap\", \"currency\": \"KRW\"}]}")
                .when().post("/api/v1/products").then().statusCode(400).body("violations[0].field", equalTo("variants[0].price"));

        // the fresh SKU of the refused products exists nowhere
        given().auth().oauth2(Admin.TOKEN).when().get("/api/v1/inventory/" + fresh).then().statusCode(404);
        given().queryParam("category", category).when().get("/api/v1/products").then().body("total", equalTo(1));
    }

    @Test
    void theCategoryTreeIsRenamedMovedAndPrunedWhenEmpty() {
        String root = Admin.category("Fashion", null);
        String shoes = Admin.category("Shoes", root);
        String sneakers = Admin.category("Sneakers", shoes);
        String other = Admin.category("Sports", null);
        String id = Admin.stockedSku(sneakers, 1);

        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON).body(Map.of("name", "Footwear", "parentId", other))
                .when().patch("/api/v1/categories/" + shoes)
                .then().statusCode(200).body("path", containsString("/footwear"))
                .body("ancestorIds", equalTo(List.of(other)));
        JsonPath tree = given().when().get("/api/v1/categories").then().extract().jsonPath();
        assertThat(tree.getList("findAll { it.id == '" + sneakers + "' }.ancestorIds[0]", String.class))
                .isEqualTo(List.of(other, shoes));
        // products follow their category in search
        given().queryParam("category", other).when().get("/api/v1/products").then().body("total", equalTo(1));
        given().queryParam("category", root).when().get("/api/v1/products").then().body("total", equalTo(0));

        given().auth().oauth2(Admin.TOKEN).contentType(ContentType.JSON).body(Map.of("parentId", sneakers))
                .when().patch("/api/v1/categories/" + shoes).then().statusCode(422);
        given().auth().oauth2(Admin.TOKEN).when().delete("/api/v1/categories/" + shoes).then().statusCode(409);
        given().auth().oauth2(Admin.TOKEN).when().delete("/api/v1/categories/" + sneakers).then().statusCode(409)
                .body("detail", containsString("1 products"));
        given().auth().oauth2(Admin.TOKEN).when().delete("/api/v1/categories/" + root).then().statusCode(204);
        assertThat(id).isNotBlank();
    }

    @Test
    void otherServicesLookUpSkusInOneCall() {
        String category = Admin.category("Skus", null);
        String a = Admin.sku("SKA");
        String b = Admin.sku("SKB");
        Admin.create(Admin.product("Two sizes", "B", "d", category, Map.of(),
                List.of(Admin.variant(a, 12_000, 3), Admin.variant(b, 13_000, 0))));

        JsonPath found = Admin.asService().queryParam("sku", a, b, "NO-SUCH-SKU").when().get("/internal/skus")
                .then().statusCode(200).extract().jsonPath();

        assertThat(found.getList("sku", String.class)).containsExactlyInAnyOrder(a, b);
        assertThat(found.getInt("find { it.sku == '" + b + "' }.available")).isZero();
        assertThat(found.getLong("find { it.sku == '" + a + "' }.price")).isEqualTo(12_000);
        assertThat(found.getInt("find { it.sku == '" + a + "' }.weightGrams")).isEqualTo(800);
        Admin.asService().when().get("/internal/skus").then().statusCode(400);
    }
}
