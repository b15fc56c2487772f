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

/** A shopper signs in, reads their profile with the access token, and refreshes the session. */
public class SignInSimulation extends Simulation {

    private static final String PASSWORD = "bench password 2026";

    /** The journey, for this simulation and for the shop mix; registers its 50 shoppers first (once). */
    static ScenarioBuilder journey() {
        List<String> emails = Fixtures.shoppers(50, PASSWORD);
        Iterator<Map<String, Object>> shoppers = Stream.generate(
                () -> Map.<String, Object>of("email", emails.get(ThreadLocalRandom.current().nextInt(emails.size())))).iterator();
        return scenario("sign in")
            .feed(shoppers)
            .exec(http("login").post("/api/v1/auth/login")
                    .body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + PASSWORD + "\"}"))
                    .check(status().is(200), jsonPath("$.accessToken").saveAs("access"), jsonPath("$.refreshToken").saveAs("refresh")))
            .exec(http("my profile").get("/api/v1/users/me").header("Authorization", "Bearer #{access}")
                    .check(status().is(200), jsonPath("$.email").isEL("#{email}")))
            .exec(http("refresh").post("/api/v1/auth/refresh").body(StringBody("{\"refreshToken\":\"#{refresh}\"}"))
                    .check(status().is(200), jsonPath("$.accessToken").exists()));
    }

    {
        setUp(Settings.load(journey())).protocols(Settings.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
