package io.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
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

/**
 * A shopper's checkout asks what shipping costs: two or three lines of the catalog to a Korean
 * address (Seoul, Busan, Jeju or an island, in turn), priced by the shipping service with the
 * weights the product service gives it.
 */
public class QuoteSimulation extends Simulation {

    private static final List<String> POSTAL_CODES = List.of("06236", "04524", "48058", "63309", "40240", "16500");

    static ScenarioBuilder journey() {
        List<String> skus = Fixtures.skusInStock(40);
        Iterator<Map<String, Object>> picks = Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return Map.<String, Object>of("first", skus.get(random.nextInt(skus.size())), "second", skus.get(random.nextInt(skus.size())),
                    "third", skus.get(random.nextInt(skus.size())), "postalCode", POSTAL_CODES.get(random.nextInt(POSTAL_CODES.size())),
                    "subtotal", random.nextInt(5_000, 120_000));
        }).iterator();
        return scenario("quote")
            .feed(picks)
            .exec(http("quote").post("/api/v1/shipping/quotes").body(StringBody("""
                    {"destination": {"country": "KR", "postalCode": "#{postalCode}", "line1": "도로명 1"},
                     "lines": [{"sku": "#{first}", "quantity": 1}, {"sku": "#{second}", "quantity": 2}, {"sku": "#{third}", "quantity": 1}],
                     "subtotalMinor": #{subtotal}, "currency": "KRW"}"""))
                    .check(status().is(200), jsonPath("$.options[0].fee").exists()));
    }

    {
        setUp(Settings.load(journey())).protocols(Settings.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
