package io.mall.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one Gatling run reported, read back from its HTML report (Gatling 3.15 keeps no
 * machine-readable statistics beside it): the statistics table, the errors table and the
 * response-time percentiles of successful requests second by second.
 */
record RunReport(Path directory, Row all, List<Row> requests, Map<String, Long> errors, Map<String, List<long[]>> percentilesOverTime) {

    /** One line of the statistics table; times in milliseconds. */
    record Row(String name, long total, long ok, long failed, double perSecond, long min, long p50, long p75, long p95, long p99,
            long max, long mean) {
    }

    private static final Pattern ROW = Pattern.compile("<tr id=\"(ROOT|req_[^\"]*)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
    private static final Pattern ERROR = Pattern.compile(
            "<td class=\"error-col-1 total ko\">(.*?)<span[^>]*>[^<]*</span></td>\\s*<td class=\"value error-col-2 total ko\">(\\d+)</td>",
            Pattern.DOTALL);
    private static final Pattern SERIES = Pattern.compile("name: '(min|\\d+%|max)',\\s*data: \\[(.*?)\\],\\s*tooltip", Pattern.DOTALL);
    private static final Pattern POINT = Pattern.compile("\\[(\\d+), (\\d+)\\]");

    /** The newest run under a results folder (Gatling names each run's folder after the simulation and its start). */
    static Path newestRun(Path resultsFolder) {
        try (Stream<Path> runs = Files.list(resultsFolder)) {
            return runs.filter(run -> Files.isRegularFile(run.resolve("index.html")))
                    .max(Comparator.comparing(run -> run.getFileName().toString().replaceAll("^.*-", "")))
                    .orElseThrow(() -> new IllegalStateException("no Gatling report under " + resultsFolder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunReport read(Path run) {
        String html;
        try {
            html = Files.readString(run.resolve("index.html"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Row all = null;
        List<Row> requests = new ArrayList<>();
        Matcher rows = ROW.matcher(html);
        while (rows.find()) {
            Row row = row(rows.group(2));
            if (rows.group(1).equals("ROOT")) {
                all = row;
            } else {
                requests.add(row);
            }
        }
        if (all == null) {
            throw new IllegalStateException("no statistics table in " + run.resolve("index.html"));
        }
        Map<String, Long> errors = new LinkedHashMap<>();
        Matcher error = ERROR.matcher(html);
        while (error.find()) {
            errors.merge(unescape(error.group(1).trim()), Long.parseLong(error.group(2)), Long::sum);
        }
        Map<String, List<long[]>> percentiles = new LinkedHashMap<>();
        Matcher series = SERIES.matcher(html);
        while (series.find()) {
            List<long[]> points = new ArrayList<>();
            Matcher point = POINT.matcher(series.group(2));
            while (point.find()) {
                points.add(new long[] { Long.parseLong(point.group(1)), Long.parseLong(point.group(2)) });
            }
            percentiles.putIfAbsent(series.group(1), points);
        }
        return new RunReport(run, all, requests, errors, percentiles);
    }

    /** The run's seconds as a series of points {@code [epochMillis, ms]}: the first percentile that has any; empty without. */
    Optional<List<long[]>> timeline() {
        return percentilesOverTime.values().stream().filter(points -> !points.isEmpty()).findFirst();
    }

    boolean hasErrors() {
        return all.failed() > 0;
    }

    private static Row row(String html) {
        Matcher name = NAME.matcher(html);
        String label = name.find() ? unescape(name.group(1)) : "?";
        Map<Integer, String> cells = new LinkedHashMap<>();
        Matcher cell = CELL.matcher(html);
        while (cell.find()) {
            cells.put(Integer.parseInt(cell.group(1)), cell.group(2).trim());
        }
        return new Row(label, number(cells, 2), number(cells, 3), number(cells, 4), decimal(cells, 6), number(cells, 7),
                number(cells, 8), number(cells, 9), number(cells, 10), number(cells, 11), number(cells, 12), number(cells, 13));
    }

    /** A cell as Gatling prints it: "-" when there is nothing to say (no failed requests, say). */
    private static long number(Map<Integer, String> cells, int column) {
        String value = cells.getOrDefault(column, "-").replace(",", "");
        return value.equals("-") || value.isEmpty() ? 0 : Math.round(Double.parseDouble(value));
    }

    private static double decimal(Map<Integer, String> cells, int column) {
        String value = cells.getOrDefault(column, "-").replace(",", "");
        return value.equals("-") || value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    private static String unescape(String html) {
        return html.replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
