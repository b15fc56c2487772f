package io.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/** A guest adds a product to a new cart, adds a second one, changes a quantity and reads the cart. */
public class CartSimulation extends Simulation {

    /** The journey, for this simulation and for the shop mix; finds its SKUs through the API first. */
    static ScenarioBuilder journey() {
        List<String> skus = Fixtures.skusInStock(40);
        Iterator<Map<String, Object>> picks = Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return Map.<String, Object>of("first", skus.get(random.nextInt(skus.size())), "second", skus.get(random.nextInt(skus.size())));
        }).iterator();
        return scenario("cart")
            .feed(picks)
            .exec(http("add (new cart)").post("/api/v1/cart/lines").body(StringBody("{\"sku\":\"#{first}\",\"quantity\":1}"))
                    .check(status().is(200), header("X-Cart-Token").saveAs("cartToken")))
            .exec(http("add").post("/api/v1/cart/lines").header("X-Cart-Token", "#{cartToken}")
                    .body(StringBody("{\"sku\":\"#{second}\",\"quantity\":1}")).check(status().is(200)))
            .exec(http("change quantity").put("/api/v1/cart/lines/#{first}").header("X-Cart-Token", "#{cartToken}")
                    .body(StringBody("{\"quantity\":2}")).check(status().is(200)))
            .exec(http("read cart").get("/api/v1/cart").header("X-Cart-Token", "#{cartToken}")
                    .check(status().is(200), jsonPath("$.itemCount").ofInt().gte(2)));
    }

    {
        setUp(Settings.load(journey())).protocols(Settings.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
