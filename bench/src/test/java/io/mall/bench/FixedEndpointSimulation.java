package io.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The harness's own check: {@code users} journeys at once, each asking {@code repeat} times for a
 * fixed JSON at {@code path} under {@code base}, so a run must report exactly users × repeat requests.
 * The same status and body checks as every scenario; no assertions, so a faulty endpoint's errors
 * reach the report and its summary instead of stopping the run.
 */
public class FixedEndpointSimulation extends Simulation {

    {
        ScenarioBuilder fixed = scenario("fixed").exec(repeat(Integer.getInteger("repeat", 10)).on(
                http("fixed json").get(System.getProperty("path", "/fixed")).check(status().is(200), jsonPath("$.status").is("ok"))));
        setUp(fixed.injectOpen(atOnceUsers(Integer.getInteger("users", 10)))).protocols(Settings.protocol());
    }
}
