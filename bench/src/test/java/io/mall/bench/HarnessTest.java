package io.mall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.gatling.app.Gatling$;

/**
 * The harness measured against a tiny endpoint whose answers are known: a run must count exactly
 * the requests that were served, and a run with failures must say so at the top of its summary.
 */
class HarnessTest {

    private static final AtomicInteger fixedServed = new AtomicInteger();
    private static final AtomicInteger flakyServed = new AtomicInteger();
    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> answer(exchange, fixedServed.incrementAndGet(), false));
        // every fifth answer is a 500
        server.createContext("/flaky", exchange -> {
            int count = flakyServed.incrementAndGet();
            answer(exchange, count, count % 5 == 0);
        });
        server.start();
        System.setProperty("base", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int count, boolean fail) throws IOException {
        byte[] body = (fail ? "{\"status\":\"broken\"}" : "{\"status\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aRunCountsEveryRequestServedAndNoErrors(@TempDir Path results) throws IOException {
        RunReport report = run("/fixed", 20, 10, results);

        assertEquals(200, fixedServed.get());
        assertEquals(200, report.all().total());
        assertEquals(0, report.all().failed());
        assertEquals(1, report.requests().size());
        assertEquals("fixed json", report.requests().get(0).name());
        assertEquals(200, report.requests().get(0).ok());
        assertTrue(report.all().p50() <= report.all().p95() && report.all().p95() <= report.all().p99(), report.all().toString());
        assertTrue(!report.percentilesOverTime().getOrDefault("99%", java.util.List.of()).isEmpty(), "no percentiles over time");

        String summary = summarise(results);
        assertTrue(summary.lines().limit(3).anyMatch(line -> line.startsWith("No errors: all 200 requests")), summary);
        assertTrue(summary.contains("| fixed json | 200 | 0 |"), summary);
        assertTrue(Files.readString(results.resolve("summary/latency.svg")).contains("<polyline"), "chart has no lines");
    }

    @Test
    void aRunWithFailuresSaysSoFirst(@TempDir Path results) throws IOException {
        RunReport report = run("/flaky", 10, 20, results);

        assertEquals(200, flakyServed.get());
        assertEquals(200, report.all().total());
        assertEquals(40, report.all().failed());
        assertEquals(40L, report.errors().get("status.find.is(200), found 500"));

        String summary = summarise(results);
        assertTrue(summary.lines().limit(3).anyMatch(line -> line.startsWith("**ERRORS: 40 of 200 requests failed (20.00 %).**")),
                summary);
        assertTrue(summary.contains("- 40 × `status.find.is(200), found 500`"), summary);
    }

    /** What ./mall bench does after a run: summary.md and latency.svg into results/summary. */
    private static String summarise(Path results) throws IOException {
        Path out = results.resolve("summary");
        Summary.main(new String[] { "--scenario", "fixed", "--command", "harness test", "--report", results.toString(), "--out",
                out.toString() });
        return Files.readString(out.resolve("summary.md"));
    }

    private static RunReport run(String path, int users, int repeat, Path results) {
        System.setProperty("path", path);
        System.setProperty("users", Integer.toString(users));
        System.setProperty("repeat", Integer.toString(repeat));
        int status = Gatling$.MODULE$.fromArgs(new String[] { "--simulation", FixedEndpointSimulation.class.getName(),
                "--results-folder", results.toString() });
        assertEquals(0, status, "Gatling's exit status");
        return RunReport.read(RunReport.newestRun(results));
    }
}
