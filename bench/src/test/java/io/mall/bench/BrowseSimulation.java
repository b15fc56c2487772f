package io.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/** A shopper searches (a word, sometimes a filter or a sort) and opens a product from the results. */
public class BrowseSimulation extends Simulation {

    private static final List<String> WORDS = List.of("운동화", "러닝화", "백팩", "티셔츠", "텀블러", "jacket", "shoes", "backpack",
            "speaker", "leather", "cotton", "블랙", "프리미엄");
    private static final List<String> FILTERS = List.of("", "&inStock=true", "&minPrice=10000&maxPrice=100000", "&sort=price_asc",
            "&sort=newest", "&attr.season=FW");

    /** The journey, for this simulation and for the shop mix. */
    static ScenarioBuilder journey() {
        Iterator<Map<String, Object>> queries = Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return Map.<String, Object>of("q", WORDS.get(random.nextInt(WORDS.size())), "filter", FILTERS.get(random.nextInt(FILTERS.size())));
        }).iterator();
        return scenario("browse")
            .feed(queries)
            .exec(http("search").get("/api/v1/products?q=#{q}#{filter}&size=20")
                    .check(status().is(200), jsonPath("$.total").ofLong().saveAs("total"),
                            jsonPath("$.items[*].id").findRandom().optional().saveAs("productId")))
            .doIf(session -> session.contains("productId")).then(
                    exec(http("product detail").get("/api/v1/products/#{productId}")
                            .check(status().is(200), jsonPath("$.name").exists())));
    }

    {
        setUp(Settings.load(journey())).protocols(Settings.protocol())
                .assertions(global().failedRequests().percent().lt(1.0), details("search").successfulRequests().percent().gt(99.0));
    }

}
