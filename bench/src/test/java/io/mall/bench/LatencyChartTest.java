package io.mall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LatencyChartTest {

    @Test
    void theAxisEndsOnAPowerOfTenAtLeastTheHighestPoint() {
        assertEquals(10, LatencyChart.powerOfTenAtLeast(1));
        assertEquals(100, LatencyChart.powerOfTenAtLeast(37));
        assertEquals(1000, LatencyChart.powerOfTenAtLeast(101));
        assertEquals(1000, LatencyChart.powerOfTenAtLeast(1000));
        assertEquals(10000, LatencyChart.powerOfTenAtLeast(1522));
    }

    @Test
    void eachPercentileIsALineWithOnePointPerSecond() {
        Map<String, List<long[]>> series = Map.of(
                "50%", List.of(new long[] { 1_000, 3 }, new long[] { 2_000, 4 }, new long[] { 3_000, 5 }),
                "95%", List.of(new long[] { 1_000, 9 }, new long[] { 2_000, 12 }, new long[] { 3_000, 10 }),
                "99%", List.of(new long[] { 1_000, 20 }, new long[] { 2_000, 37 }, new long[] { 3_000, 25 }));
        String svg = LatencyChart.svg("browse", series);
        assertEquals(3, svg.split("<polyline").length - 1);
        // the highest point (37 ms) sits below the top of an axis with lines at 1, 10 and 100 ms
        assertTrue(svg.contains(">1</text>") && svg.contains(">10</text>") && svg.contains(">100</text>"), svg);
        assertTrue(!svg.contains(">1000</text>"), svg);
        assertTrue(svg.lines().filter(line -> line.startsWith("<polyline")).allMatch(line -> line.split(",").length == 4), svg);
    }

    @Test
    void aRunWithoutSuccessfulRequestsSaysSo() {
        assertTrue(LatencyChart.svg("browse", Map.of()).contains("no successful requests"));
    }
}
