package io.mall.product;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.mall.testing.TestRun;
import io.mall.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Catalog set-up through the API, as an administrator. */
final class Admin {

    static final String TOKEN = TestTokens.admin("admin-1");
    /** The order service, the one caller of the reservation endpoints. */
    static final String SERVICE_TOKEN = TestTokens.service("order");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Admin() {
    }

    /** A request as another service makes it, with its service token. */
    static io.restassured.specification.RequestSpecification asService() {
        return given().auth().oauth2(SERVICE_TOKEN);
    }

    /** A SKU no other test of any run has used. */
    static String sku(String stem) {
        return stem + "-" + TestRun.ID + "-" + SEQUENCE.incrementAndGet();
    }

    static String category(String name, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name + " " + TestRun.ID + " " + SEQUENCE.incrementAndGet());
        body.put("parentId", parentId);
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/categories")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> variant(String sku, long price, int stock) {
        Map<String, Object> variant = new LinkedHashMap<>();
        variant.put("sku", sku);
        variant.put("options", Map.of("size", "270"));
        variant.put("price", price);
        variant.put("currency", "KRW");
        variant.put("weightGrams", 800);
        variant.put("stock", stock);
        variant.put("lowStockThreshold", 2);
        return variant;
    }

    static Map<String, Object> product(String name, String brand, String description, String categoryId,
            Map<String, String> attributes, List<Map<String, Object>> variants) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", name);
        product.put("brand", brand);
        product.put("description", description);
        product.put("images", List.of("https://img.mall.local/" + name.hashCode() + ".jpg"));
        product.put("categoryId", categoryId);
        product.put("attributes", attributes);
        product.put("variants", new ArrayList<>(variants));
        return product;
    }

    static JsonPath create(Map<String, Object> product) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(product)
                .when().post("/api/v1/products")
                .then().statusCode(201).extract().jsonPath();
    }

    /** A product with one variant of {@code stock} units; returns its SKU. */
    static String stockedSku(String categoryId, int stock) {
        String sku = sku("STK");
        create(product("Stock item " + sku, "Mall", "for stock tests", categoryId, Map.of(), List.of(variant(sku, 10_000, stock))));
        return sku;
    }
}
