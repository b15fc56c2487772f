package io.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * What this machine can do at all through the edge: a fixed JSON answered by nginx itself
 * ({@code /healthz}), with the same load generator. Other figures are read as a share of it.
 */
public class CeilingSimulation extends Simulation {

    private final ScenarioBuilder ceiling = scenario("ceiling")
            .exec(http("fixed json").get("/healthz").check(status().is(200), jsonPath("$.status").is("UP")));

    {
        setUp(Settings.load(ceiling)).protocols(Settings.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
