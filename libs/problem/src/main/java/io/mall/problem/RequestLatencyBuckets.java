package io.mall.problem;

import java.time.Duration;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Every service's HTTP request timer also counts requests into a few latency buckets, so that
 * Prometheus can tell a percentile ({@code histogram_quantile} over
 * {@code http_server_requests_seconds_bucket}) and the latency alert watches p99, not the mean that
 * a few slow requests hide in. A handful of buckets around the objectives, not Micrometer's full
 * histogram of some seventy per route and status.
 */
@Singleton
public class RequestLatencyBuckets implements MeterFilter {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    private static final double[] BUCKETS = Stream.of(Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500))
            .mapToDouble(Duration::toNanos).toArray();

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
    }
}
