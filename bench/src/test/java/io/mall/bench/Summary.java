package io.mall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes a run's {@code summary.md} and {@code latency.svg} beside its Gatling report, for
 * {@code ./mall bench}:
 *
 * <pre>
 * Summary --scenario browse --command "./mall bench browse -Drate=200" --report DIR --out DIR
 *         [--ceiling ceiling.properties] [--rss samples.tsv] [--cpu samples.tsv] [--startup startup.tsv]
 *         [--stores stores.txt] [--catalog N] [--mongo h2|memory]
 * </pre>
 *
 * A run with failed requests says so in its first lines. Where the run's CPU samples were taken,
 * the summary says how busy the machine was at the full rate and which part used how much of it:
 * on a machine whose every core is busy, every latency includes a wait for one. A ceiling run
 * also writes {@code ceiling.properties}, which later runs read to give their figures as a share
 * of it.
 */
public final class Summary {

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path out = Path.of(options.get("out"));
        RunReport report = RunReport.read(RunReport.newestRun(Path.of(options.get("report"))));
        Files.createDirectories(out);
        Properties ceiling = load(options.get("ceiling"));
        Machine machine = Machine.current();
        Files.writeString(out.resolve("summary.md"), markdown(options.get("scenario"), options.get("command"), report, ceiling,
                rss(options.get("rss")), startup(options.get("startup")), text(options.get("stores")),
                new Setup(options.get("catalog"), options.get("mongo")), machine,
                cpu(options.get("cpu"), fullRate(report, Long.getLong("warmup", Settings.DEFAULT_WARMUP_SECONDS)), machine.cores())));
        Files.writeString(out.resolve("latency.svg"), LatencyChart.svg(options.get("scenario"), report.percentilesOverTime()));
        if ("ceiling".equals(options.get("scenario"))) {
            Properties figures = new Properties();
            figures.setProperty("edge.rps", String.format(Locale.ROOT, "%.0f", report.all().perSecond()));
            figures.setProperty("edge.p50", Long.toString(report.all().p50()));
            figures.setProperty("edge.p99", Long.toString(report.all().p99()));
            figures.setProperty("measured", out.getFileName().toString());
            try (var writer = Files.newBufferedWriter(out.resolve("ceiling.properties"))) {
                figures.store(writer, "the edge's fixed JSON, for later runs' ratios");
            }
        }
        System.out.println((report.hasErrors() ? "ERRORS: " + report.all().failed() + " failed requests; " : "no errors; ")
                + "summary in " + out.resolve("summary.md"));
    }

    /** What the run ran against: the catalog's size and the local MongoDB-protocol server's backend. */
    record Setup(String catalog, String mongoBackend) {
    }

    /** This machine, as a summary names it. */
    record Machine(int cores, String cpu, long memoryMiB, String jdk, String os) {

        static Machine current() {
            String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
            String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
            long memoryMiB = memory == null ? 0 : Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1024;
            return new Machine(Runtime.getRuntime().availableProcessors(), cpu == null ? "unknown CPU" : cpu, memoryMiB,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"));
        }

        private static String firstValue(Path file, String key) {
            try {
                return Files.readAllLines(file).stream().filter(line -> line.startsWith(key)).findFirst()
                        .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse(null);
            } catch (IOException e) {
                return null;
            }
        }
    }

    static String markdown(String scenario, String command, RunReport report, Properties ceiling, Map<String, long[]> rss,
            Map<String, long[]> startup, String stores, Setup setup, Machine machine, CpuUse cpu) {
        StringBuilder md = new StringBuilder();
        RunReport.Row all = report.all();
        String started = report.timeline()
                .map(points -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                        .format(Instant.ofEpochMilli(points.get(0)[0])))
                .orElse("");
        md.append("# ").append(scenario).append(" · ").append(started).append("\n\n");
        if (report.hasErrors()) {
            md.append(String.format(Locale.ROOT, "**ERRORS: %,d of %,d requests failed (%.2f %%).** What failed:%n%n", all.failed(),
                    all.total(), 100.0 * all.failed() / Math.max(1, all.total())));
            report.errors().forEach((message, count) -> md.append(String.format(Locale.ROOT, "- %,d × `%s`%n", count, message)));
            md.append("\n");
        } else {
            md.append(String.format(Locale.ROOT, "No errors: all %,d requests succeeded and passed their checks.%n%n", all.total()));
        }
        md.append("- Command: `").append(command).append("`\n");
        md.append(String.format(Locale.ROOT, "- Machine: %d cores (%s), %,d MiB memory, %s, %s%n", machine.cores(), machine.cpu(),
                machine.memoryMiB(), machine.jdk(), machine.os()));
        if (setup.catalog() != null && setup.catalog().matches("\\d+")) {
            md.append(String.format(Locale.ROOT, "- Catalog: %,d products%n", Long.parseLong(setup.catalog())));
        }
        if (setup.mongoBackend() != null && !setup.mongoBackend().isBlank()) {
            md.append("- MongoDB protocol: the local mongo-java-server, ").append(setup.mongoBackend()).append(" backend\n");
        }
        md.append("- Gatling report: `").append(report.directory().getFileName()).append("/index.html` beside this file (not committed)\n\n");

        md.append("| request | requests | failed | req/s | p50 ms | p75 ms | p95 ms | p99 ms | max ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<RunReport.Row> rows = new ArrayList<>(report.requests());
        rows.add(all);
        for (RunReport.Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %d | %d | %d | %d | %d |%n",
                    row == all ? "**all**" : row.name(), row.total(), row.failed(), row.perSecond(), row.p50(), row.p75(), row.p95(),
                    row.p99(), row.max()));
        }
        md.append("\nTimes are Gatling's: from sending a request to its last byte, the warm-up ramp included.\n\n");

        if (!ceiling.isEmpty() && !"ceiling".equals(scenario)) {
            double edge = Double.parseDouble(ceiling.getProperty("edge.rps"));
            md.append(String.format(Locale.ROOT,
                    "Against the machine's ceiling (%s: the edge's fixed JSON at %,.0f req/s, p50 %s ms): this run's %,.1f req/s is "
                            + "%.2f %% of it, and its p50 is %s ms above the edge's own.%n%n",
                    ceiling.getProperty("measured"), edge, ceiling.getProperty("edge.p50"), all.perSecond(),
                    100 * all.perSecond() / edge, all.p50() - Long.parseLong(ceiling.getProperty("edge.p50"))));
        }
        if (cpu != null) {
            DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
            md.append(String.format(Locale.ROOT,
                    "Where the machine's time went at the full rate (%s–%s UTC, from `/proc` every 2 s): its %d cores were %.0f %% busy"
                            + " (%.2f cores), and %.0f %% more was taken by the host (steal). In cores:%n%n",
                    clock.format(Instant.ofEpochSecond(cpu.fromSecond())), clock.format(Instant.ofEpochSecond(cpu.toSecond())),
                    cpu.cores(), 100 * cpu.busyShare(), cpu.busyCores(), 100 * cpu.stolenShare()));
            md.append("| part | cores |\n|---|---:|\n");
            cpu.coresByPart().forEach((part, cores) -> md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", label(part), cores)));
            md.append(String.format(Locale.ROOT, "| everything else | %.2f |%n%n", Math.max(0, cpu.busyCores() - cpu.partsCores())));
        }
        if (stores != null && !stores.isBlank()) {
            md.append("Raw stores on the same machine:\n\n```\n").append(stores.strip()).append("\n```\n\n");
        }
        if (!startup.isEmpty()) {
            md.append("Each service restarted in turn (JVM mode), then the load above; RSS, not heap:\n\n");
            md.append("| service | first request after start s | RSS after first request MiB | peak RSS under load MiB |\n");
            md.append("|---|---:|---:|---:|\n");
            startup.forEach((service, figures) -> md.append(String.format(Locale.ROOT, "| %s | %.2f | %d | %s |%n", service,
                    figures[0] / 1000.0, figures[1] / 1024, rss.containsKey(service) ? Long.toString(rss.get(service)[1] / 1024) : "-")));
            md.append("\n");
        } else if (!rss.isEmpty()) {
            md.append("Resident memory of each service during the run (RSS, sampled every 2 s):\n\n");
            md.append("| service | RSS at start MiB | peak RSS MiB |\n|---|---:|---:|\n");
            rss.forEach((service, figures) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", service, figures[0] / 1024,
                    figures[1] / 1024)));
            md.append("\n");
        }
        md.append("![response time percentiles over time](latency.svg)\n");
        return md.toString();
    }

    /** The seconds of a run at its full rate: from the end of its warm-up ramp to its last second; null without a timeline. */
    static long[] fullRate(RunReport report, long warmupSeconds) {
        return report.timeline()
                .map(points -> new long[] { points.get(0)[0] / 1000 + warmupSeconds, points.get(points.size() - 1)[0] / 1000 })
                .orElse(null);
    }

    /**
     * How the machine's CPU was used over a window of seconds.
     *
     * @param coresByPart cores each service, server and the load generator used, the busiest first
     */
    record CpuUse(long fromSecond, long toSecond, int cores, double busyShare, double stolenShare, Map<String, Double> coresByPart) {

        double busyCores() {
            return busyShare * cores;
        }

        double partsCores() {
            return coresByPart.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /**
     * The CPU used within {@code window} (epoch seconds, both ends), from lines "epochSeconds part ms" of CPU time used so
     * far, which the mall script samples; null when there is no such file or it holds fewer than two samples in the window.
     */
    static CpuUse cpu(String file, long[] window, int cores) throws IOException {
        if (window == null) {
            return null;
        }
        Map<String, TreeMap<Long, Long>> samples = new TreeMap<>();
        for (String[] fields : rows(file)) {
            long second = Long.parseLong(fields[0]);
            if (second >= window[0] && second <= window[1]) {
                samples.computeIfAbsent(fields[1], part -> new TreeMap<>()).put(second, Long.parseLong(fields[2]));
            }
        }
        Map<String, Long> used = new TreeMap<>();
        Map<String, Long> seconds = new TreeMap<>();
        samples.forEach((part, series) -> {
            if (series.size() >= 2) {
                used.put(part, series.lastEntry().getValue() - series.firstEntry().getValue());
                seconds.put(part, series.lastKey() - series.firstKey());
            }
        });
        Long all = used.remove("machine-all");
        Long busy = used.remove("machine-busy");
        Long stolen = used.remove("machine-steal");
        if (all == null || busy == null || stolen == null || all == 0) {
            return null;
        }
        Map<String, Double> coresByPart = new LinkedHashMap<>();
        used.entrySet().stream().sorted(Map.Entry.<String, Long> comparingByValue().reversed())
                .forEach(entry -> coresByPart.put(entry.getKey(), entry.getValue() / (seconds.get(entry.getKey()) * 1000.0)));
        TreeMap<Long, Long> machine = samples.get("machine-all");
        return new CpuUse(machine.firstKey(), machine.lastKey(), cores, (double) busy / all, (double) stolen / all, coresByPart);
    }

    /** What the mall script calls a part, as a reader would. */
    private static String label(String part) {
        return switch (part) {
            case "load" -> "the load itself (Maven and Gatling)";
            case "postgres" -> "PostgreSQL";
            case "redis" -> "Redis";
            case "kafka" -> "Kafka";
            case "mongo" -> "the MongoDB-protocol server";
            case "smtp" -> "the SMTP sink";
            case "edge" -> "the edge (nginx)";
            default -> part;
        };
    }

    /** Per service: RSS of its first sample and its peak, in KiB, from lines "epochSeconds service rssKiB". */
    static Map<String, long[]> rss(String file) throws IOException {
        Map<String, long[]> figures = new TreeMap<>();
        for (String[] fields : rows(file)) {
            long kib = Long.parseLong(fields[2]);
            long[] seen = figures.computeIfAbsent(fields[1], service -> new long[] { kib, kib });
            seen[1] = Math.max(seen[1], kib);
        }
        return figures;
    }

    /** Per service: milliseconds to its first successful request and RSS then (KiB), from lines "service ms KiB". */
    static Map<String, long[]> startup(String file) throws IOException {
        Map<String, long[]> figures = new LinkedHashMap<>();
        for (String[] fields : rows(file)) {
            figures.put(fields[0], new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[2]) });
        }
        return figures;
    }

    /** The three-field lines of a file the mall script wrote; none when there is no such file. */
    private static List<String[]> rows(String file) throws IOException {
        if (file == null || !Files.exists(Path.of(file))) {
            return List.of();
        }
        return Files.readAllLines(Path.of(file)).stream().map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length == 3).toList();
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        if (file != null && Files.exists(Path.of(file))) {
            try (var reader = Files.newBufferedReader(Path.of(file))) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private static String text(String file) throws IOException {
        return file == null || !Files.exists(Path.of(file)) ? null : Files.readString(Path.of(file));
    }
}
