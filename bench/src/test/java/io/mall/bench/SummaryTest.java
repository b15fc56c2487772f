package io.mall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                new Summary.Setup("100000", "memory"), MACHINE, null);
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
                new Summary.Setup(null, null), MACHINE, null);
        assertTrue(md.contains("| product | 4.25 | 180 | 260 |"), md);
    }

    @Test
    void theCpuAtTheFullRateIsCountedFromTheSamplesInsideItsWindowOnly(@TempDir Path folder) throws IOException {
        // 10 s of samples inside the window (100..110), one before it and one after, which must not count
        Path samples = Files.writeString(folder.resolve("cpu.tsv"), String.join("\n",
                "90 product 0", "90 machine-all 0", "90 machine-busy 0", "90 machine-steal 0",
                "100 product 1000", "100 cart 500", "100 load 0",
                "100 machine-all 10000", "100 machine-busy 5000", "100 machine-steal 100",
                "110 product 6000", "110 cart 2500", "110 load 3000",
                "110 machine-all 30000", "110 machine-busy 23000", "110 machine-steal 500",
                "120 product 99000", "120 machine-all 99000", "120 machine-busy 99000", "120 machine-steal 99000", ""));

        Summary.CpuUse cpu = Summary.cpu(samples.toString(), new long[] { 100, 110 }, 2);

        assertEquals(0.90, cpu.busyShare(), 1e-9);
        assertEquals(0.02, cpu.stolenShare(), 1e-9);
        assertEquals(List.of("product", "load", "cart"), List.copyOf(cpu.coresByPart().keySet()));
        assertEquals(0.5, cpu.coresByPart().get("product"), 1e-9);
        assertEquals(0.2, cpu.coresByPart().get("cart"), 1e-9);
        String md = Summary.markdown("shop", "./mall bench shop", report(500, 0, 50), new Properties(), Map.of(), Map.of(), null,
                new Summary.Setup(null, null), MACHINE, cpu);
        assertTrue(md.contains("00:01:40–00:01:50 UTC, from `/proc` every 2 s): its 2 cores were 90 % busy (1.80 cores), and 2 % more"),
                md);
        assertTrue(md.contains("| product | 0.50 |\n| the load itself (Maven and Gatling) | 0.30 |\n| cart | 0.20 |\n"
                + "| everything else | 0.80 |"), md);
    }

    @Test
    void withoutCpuSamplesOrATimelineTheSummaryHasNoCpuSection(@TempDir Path folder) throws IOException {
        assertNull(Summary.cpu(folder.resolve("absent.tsv").toString(), new long[] { 0, 10 }, 2));
        assertNull(Summary.cpu(folder.resolve("absent.tsv").toString(), null, 2));
        String md = Summary.markdown("shop", "./mall bench shop", report(500, 0, 50), new Properties(), Map.of(), Map.of(), null,
                new Summary.Setup(null, null), MACHINE, null);
        assertTrue(!md.contains("Where the machine's time went"), md);
    }

    @Test
    void theFullRateRunsFromTheEndOfTheWarmUpRampToTheRunsLastSecond() {
        RunReport.Row all = new RunReport.Row("All Requests", 10, 10, 0, 1, 1, 5, 8, 20, 40, 90, 7);
        RunReport run = new RunReport(Path.of("shopsimulation-1"), all, List.of(), Map.of(), Map.of("50%",
                List.of(new long[] { 1_795_614_000_000L, 5 }, new long[] { 1_795_614_040_000L, 6 }, new long[] { 1_795_614_075_000L, 5 })));

        long[] window = Summary.fullRate(run, 15);

        assertEquals(1_795_614_015L, window[0]);
        assertEquals(1_795_614_075L, window[1]);
    }
}
