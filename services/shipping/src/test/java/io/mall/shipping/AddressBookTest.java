package io.mall.shipping;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.mall.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A shopper's own address book: Korean and international addresses, one default, recipients encrypted. */
@QuarkusTest
class AddressBookTest {

    @Inject
    Pool database;

    @Test
    void theFirstAddressIsTheDefaultAndAnotherCanBecomeIt() {
        String me = shopper();

        String home = add(me, korean("집")).then().statusCode(201).body("isDefault", equalTo(true))
                .body("recipientName", equalTo("김민지")).body("phone", equalTo("01012345678")).extract().path("id");
        String office = add(me, international("office")).then().statusCode(201).body("isDefault", equalTo(false)).extract().path("id");

        given().auth().oauth2(me).when().post("/api/v1/addresses/" + office + "/default").then().statusCode(200)
                .body("isDefault", equalTo(true));

        List<Map<String, Object>> book = given().auth().oauth2(me).when().get("/api/v1/addresses").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(book).extracting(entry -> entry.get("id")).containsExactly(office, home);
        assertThat(book).extracting(entry -> entry.get("isDefault")).containsExactly(true, false);
    }

    @Test
    void deletingTheDefaultPassesItToTheNewestRemainingAddress() {
        String me = shopper();
        String first = add(me, korean("first")).then().statusCode(201).extract().path("id");
        String second = add(me, korean("second")).then().statusCode(201).extract().path("id");
        add(me, international("third")).then().statusCode(201);

        given().auth().oauth2(me).when().delete("/api/v1/addresses/" + first).then().statusCode(204);

        JsonPath book = given().auth().oauth2(me).when().get("/api/v1/addresses").then().statusCode(200).extract().jsonPath();
        assertThat(book.getList("findAll { it.isDefault }.label")).containsExactly("third");
        assertThat(book.getList("id")).doesNotContain(first).contains(second);
    }

    @Test
    void anAddressIsChangedWholeAndBadInputChangesNothing() {
        String me = shopper();
        String id = add(me, korean("집")).then().statusCode(201).extract().path("id");
        Map<String, Object> moved = korean("새 집");
        moved.put("postalCode", "48058");
        moved.put("line1", "부산광역시 해운대구 센텀중앙로 79");

        given().auth().oauth2(me).contentType(ContentType.JSON).body(moved).when().put("/api/v1/addresses/" + id)
                .then().statusCode(200).body("postalCode", equalTo("48058")).body("label", equalTo("새 집"));

        Map<String, Object> bad = korean("broken");
        bad.put("postalCode", "99999");
        given().auth().oauth2(me).contentType(ContentType.JSON).body(bad).when().put("/api/v1/addresses/" + id)
                .then().statusCode(422).contentType("application/problem+json").body("violations[0].field", equalTo("postalCode"));
        Map<String, Object> noCity = international("x");
        noCity.remove("city");
        add(me, noCity).then().statusCode(422).body("violations[0].field", equalTo("city"));
        Map<String, Object> badPhone = korean("x");
        badPhone.put("phone", "call me");
        add(me, badPhone).then().statusCode(422).body("violations[0].field", equalTo("phone"));
        given().auth().oauth2(me).contentType(ContentType.JSON).body("{\"line1\": ").when().post("/api/v1/addresses").then().statusCode(400);

        JsonPath book = given().auth().oauth2(me).when().get("/api/v1/addresses").then().statusCode(200).extract().jsonPath();
        assertThat(book.getList("id")).containsExactly(id);
        assertThat(book.getString("[0].postalCode")).isEqualTo("48058");
    }

    @Test
    void anotherShoppersAddressIsNotFoundAndUntouched() {
        String owner = shopper();
        String stranger = shopper();
        String id = add(owner, korean("집")).then().statusCode(201).extract().path("id");

        given().auth().oauth2(stranger).when().get("/api/v1/addresses/" + id).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(korean("mine now")).when().put("/api/v1/addresses/" + id)
                .then().statusCode(404);
        given().auth().oauth2(stranger).when().post("/api/v1/addresses/" + id + "/default").then().statusCode(404);
        given().auth().oauth2(stranger).when().delete("/api/v1/addresses/" + id).then().statusCode(404);
        given().when().get("/api/v1/addresses").then().statusCode(401);
        given().auth().oauth2(TestTokens.service("order")).when().get("/api/v1/addresses").then().statusCode(403);

        given().auth().oauth2(owner).when().get("/api/v1/addresses/" + id).then().statusCode(200).body("label", equalTo("집"));
    }

    @Test
    void theOrderServiceReadsAShoppersAddressButNeverAsAnotherShopper() {
        UUID owner = UUID.randomUUID();
        String id = add(TestTokens.customer(owner.toString()), korean("집")).then().statusCode(201).extract().path("id");
        String order = TestTokens.service("order");

        given().auth().oauth2(order).queryParam("userId", owner).when().get("/internal/addresses/" + id).then().statusCode(200)
                .body("recipientName", equalTo("김민지")).body("postalCode", equalTo("06236"));
        given().auth().oauth2(order).queryParam("userId", UUID.randomUUID()).when().get("/internal/addresses/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(order).when().get("/internal/addresses/" + id).then().statusCode(400);
        given().auth().oauth2(TestTokens.customer(owner.toString())).queryParam("userId", owner).when()
                .get("/internal/addresses/" + id).then().statusCode(403);
    }

    @Test
    void recipientsNamesAndPhonesAreStoredEncrypted() {
        String me = shopper();
        String id = add(me, korean("집")).then().statusCode(201).extract().path("id");

        Row row = database.preparedQuery("SELECT recipient_cipher, phone_cipher, line1 FROM addresses WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();

        assertThat(row.getString("recipient_cipher")).startsWith("test:").doesNotContain("김민지");
        assertThat(row.getString("phone_cipher")).startsWith("test:").doesNotContain("1234");
        assertThat(row.getString("line1")).isEqualTo("서울특별시 강남구 테헤란로 152");
    }

    @Test
    void parallelChangesLeaveExactlyOneDefault() throws Exception {
        String me = shopper();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> firstAdds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            firstAdds.add(() -> add(me, korean("parallel " + n)).statusCode());
        }
        for (Future<Integer> status : pool.invokeAll(firstAdds)) {
            assertThat(status.get()).isEqualTo(201);
        }
        List<String> ids = given().auth().oauth2(me).when().get("/api/v1/addresses").then().extract().jsonPath().getList("id");
        List<Callable<Integer>> defaults = new ArrayList<>();
        for (String id : ids) {
            defaults.add(() -> given().auth().oauth2(me).when().post("/api/v1/addresses/" + id + "/default").statusCode());
        }
        for (Future<Integer> status : pool.invokeAll(defaults)) {
            assertThat(status.get()).isEqualTo(200);
        }
        pool.shutdown();

        List<Boolean> flags = given().auth().oauth2(me).when().get("/api/v1/addresses").then().extract().jsonPath().getList("isDefault");
        assertThat(flags).hasSize(8);
        assertThat(flags.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
    }

    private static String shopper() {
        return TestTokens.customer(UUID.randomUUID().toString());
    }

    private static Response add(String token, Map<String, Object> form) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(form).when().post("/api/v1/addresses");
    }

    private static Map<String, Object> korean(String label) {
        Map<String, Object> form = new HashMap<>();
        form.put("label", label);
        form.put("recipientName", "김민지");
        form.put("phone", "010-1234-5678");
        form.put("country", "KR");
        form.put("postalCode", "06236");
        form.put("line1", "서울특별시 강남구 테헤란로 152");
        form.put("line2", "12층");
        return form;
    }

    private static Map<String, Object> international(String label) {
        Map<String, Object> form = new HashMap<>();
        form.put("label", label);
        form.put("recipientName", "Jane Doe");
        form.put("phone", "+1 415 555 0100");
        form.put("country", "US");
        form.put("postalCode", "94103");
        form.put("region", "CA");
        form.put("city", "San Francisco");
        form.put("line1", "1 Market St");
        return form;
    }
}
