package io.mall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LatencyChartTest {

    @Test
    void theAxisEndsOnARoundFigureAtLeastTheHighestPoint() {
        assertEquals(1, LatencyChart.niceCeiling(1));
        assertEquals(50, LatencyChart.niceCeiling(37));
        assertEquals(200, LatencyChart.niceCeiling(101));
        assertEquals(1000, LatencyChart.niceCeiling(1000));
        assertEquals(2000, LatencyChart.niceCeiling(1522));
    }

    @Test
    void eachPercentileIsALineWithOnePointPerSecond() {
        Map<String, List<long[]>> series = Map.of(
                "50%", List.of(new long[] { 1_000, 3 }, new long[] { 2_000, 4 }, new long[] { 3_000, 5 }),
                "95%", List.of(new long[] { 1_000, 9 }, new long[] { 2_000, 12 }, new long[] { 3_000, 10 }),
                "99%", List.of(new long[] { 1_000, 20 }, new long[] { 2_000, 37 }, new long[] { 3_000, 25 }));
        String svg = LatencyChart.svg("browse", series);
        assertEquals(3, svg.split("<polyline").length - 1);
        // the highest point (37 ms) sits below the top of an axis that ends at 50
        assertTrue(svg.contains(">50</text>"), svg);
        assertTrue(svg.lines().filter(line -> line.startsWith("<polyline")).allMatch(line -> line.split(",").length == 4), svg);
    }

    @Test
    void aRunWithoutSuccessfulRequestsSaysSo() {
        assertTrue(LatencyChart.svg("browse", Map.of()).contains("no successful requests"));
    }
}
