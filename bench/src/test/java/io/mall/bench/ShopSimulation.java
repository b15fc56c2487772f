package io.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Simulation;

/**
 * Shoppers of every kind at once, as a shop sees them: for each browsing journey a quarter of a
 * cart journey and a twentieth of a sign-in (whose bcrypt costs the most). {@code ./mall bench
 * footprint} runs it to see each service's memory under load.
 */
public class ShopSimulation extends Simulation {

    {
        setUp(Settings.load(BrowseSimulation.journey()), Settings.load(CartSimulation.journey(), 0.25),
                Settings.load(SignInSimulation.journey(), 0.05))
                .protocols(Settings.protocol())
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
