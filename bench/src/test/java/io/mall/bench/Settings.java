package io.mall.bench;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * How a run is shaped, from system properties: {@code -Dbase=http://127.0.0.1:8080} (the edge),
 * {@code -Dmodel=open|closed}, {@code -Drate=200} (journeys per second, open model: a fixed
 * arrival rate, so slow answers cannot hide by slowing the load), {@code -Dusers=50} (closed
 * model: that many journeys at once, as fast as they go), {@code -Dseconds=60}, {@code -Dwarmup=15},
 * {@code -Daddresses=250}: how many client addresses the journeys come from.
 *
 * <p>Shoppers come from many addresses, and the edge and the cart service limit each address (the
 * edge's request rates, the guest carts one address may make a minute). A run against this machine
 * spreads its journeys over that many loopback addresses (127.0.1.1 on; Linux answers every
 * 127.0.0.0/8 address), so those limits see what they would see of the same load in the open, and
 * not one address making thousands of carts. {@code -Daddresses=1} sends everything from one.
 */
final class Settings {

    static final String BASE = System.getProperty("base", "http://127.0.0.1:8080");
    static final String MODEL = System.getProperty("model", "open");
    static final double RATE = Double.parseDouble(System.getProperty("rate", "50"));
    static final int USERS = Integer.parseInt(System.getProperty("users", "20"));
    static final Duration LENGTH = Duration.ofSeconds(Long.parseLong(System.getProperty("seconds", "60")));
    /** The ramp before the full rate, unless {@code -Dwarmup} says otherwise (a constant: {@link Summary} reads it too). */
    static final long DEFAULT_WARMUP_SECONDS = 15;
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("warmup", DEFAULT_WARMUP_SECONDS));
    static final int ADDRESSES = Integer.parseInt(System.getProperty("addresses", "250"));

    private Settings() {
    }

    static HttpProtocolBuilder protocol() {
        HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json")
                .contentTypeHeader("application/json");
        if (ADDRESSES > 1 && URI.create(BASE).getHost().startsWith("127.")) {
            // each journey its own connections, as each shopper's browser: a shared pool would send
            // every journey over the few addresses its connections were opened from
            List<String> addresses = IntStream.range(0, Math.min(ADDRESSES, 254 * 254))
                    .mapToObj(i -> "127.0." + (1 + i / 254) + "." + (1 + i % 254)).toList();
            return protocol.localAddresses(addresses);
        }
        return protocol.shareConnections();
    }

    static PopulationBuilder load(ScenarioBuilder scenario) {
        return load(scenario, 1.0);
    }

    /** The run's shape with a share of its rate or users: for several journeys at once. */
    static PopulationBuilder load(ScenarioBuilder scenario, double share) {
        if (MODEL.equals("closed")) {
            return scenario.injectClosed(constantConcurrentUsers(Math.max(1, (int) Math.round(USERS * share))).during(WARMUP.plus(LENGTH)));
        }
        double rate = RATE * share;
        OpenInjectionStep warmup = rampUsersPerSec(Math.min(1, rate)).to(rate).during(WARMUP);
        return scenario.injectOpen(warmup, constantUsersPerSec(rate).during(LENGTH));
    }
}
