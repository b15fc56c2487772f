package io.mall.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class SummaryTest {

    private static final Summary.Machine MACHINE = new Summary.Machine(2, "Test CPU", 24_000, "OpenJDK 17", "Linux");

    private static RunReport report(long total, long failed, double perSecond) {
        RunReport.Row all = new RunReport.Row("All Requests", total, total - failed, failed, perSecond, 1, 5, 8, 20, 40, 90, 7);
        RunReport.Row search = new RunReport.Row("search", total, total - failed, failed, perSecond, 1, 5, 8, 20, 40, 90, 7);
        return new RunReport(Path.of("browsesimulation-1"), all, List.of(search), Map.of(),
                Map.of("50%", List.of(new long[] { 1_795_614_043_000L, 5 })));
    }

    @Test
    void aRunIsGivenAsAShareOfTheCeiling() {
        Properties ceiling = new Properties();
        ceiling.setProperty("edge.rps", "17000");
        ceiling.setProperty("edge.p50", "1");
        ceiling.setProperty("measured", "2026-11-25-ceiling");
        String md = Summary.markdown("browse", "./mall bench browse", report(10_000, 0, 340), ceiling, Map.of(), Map.of(), null,
                new Summary.Setup("100000", "memory"), MACHINE);
        assertTrue(md.contains("this run's 340.0 req/s is 2.00 % of it, and its p50 is 4 ms above the edge's own"), md);
        assertTrue(md.contains("- Machine: 2 cores (Test CPU), 24,000 MiB memory, OpenJDK 17, Linux"), md);
        assertTrue(md.contains("- Catalog: 100,000 products"), md);
        assertTrue(md.contains("- MongoDB protocol: the local mongo-java-server, memory backend"), md);
        assertTrue(md.contains("| search | 10,000 | 0 | 340.0 | 5 | 8 | 20 | 40 | 90 |"), md);
    }

    @Test
    void aFootprintRunTablesStartAndMemoryPerService() {
        Map<String, long[]> startup = Map.of("product", new long[] { 4_250, 180 * 1024 });
        Map<String, long[]> rss = Map.of("product", new long[] { 190 * 1024, 260 * 1024 });
        String md = Summary.markdown("footprint", "./mall bench footprint", report(500, 0, 50), new Properties(), rss, startup, null,
                new Summary.Setup(null, null), MACHINE);
        assertTrue(md.contains("| product | 4.25 | 180 | 260 |"), md);
    }
}
