package io.mall.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Response-time percentiles of successful requests, second by second, as a plain SVG line chart on
 * a logarithmic scale of milliseconds: the first seconds of a cold JVM and a steady state of a few
 * milliseconds both stay readable.
 */
final class LatencyChart {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 320;
    private static final int LEFT = 60;
    private static final int RIGHT = 110;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final Map<String, String> LINES = Map.of("50%", "#2b8a3e", "95%", "#e67700", "99%", "#c92a2a");

    private LatencyChart() {
    }

    static String svg(String title, Map<String, List<long[]>> percentiles) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\">%s: response time percentiles over time (ms, logarithmic)</text>%n",
                LEFT, escape(title)));
        List<long[]> reference = percentiles.getOrDefault("50%", List.of());
        if (reference.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">no successful requests</text>%n", LEFT, HEIGHT / 2));
            return svg.append("</svg>\n").toString();
        }
        long start = reference.get(0)[0];
        long end = Math.max(start + 1000, reference.get(reference.size() - 1)[0]);
        long top = powerOfTenAtLeast(LINES.keySet().stream().flatMap(name -> percentiles.getOrDefault(name, List.of()).stream())
                .mapToLong(point -> point[1]).max().orElse(1));
        int decades = (int) Math.round(Math.log10(top));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (long value = 1; value <= top; value *= 10) {
            double y = y(value, decades, plotHeight);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dee2e6\"/>%n", LEFT, y,
                    LEFT + plotWidth, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", LEFT - 6, y + 4, value));
        }
        long seconds = (end - start) / 1000;
        for (int tick = 0; tick <= 5; tick++) {
            double x = LEFT + (double) plotWidth * tick / 5;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d s</text>%n", x,
                    HEIGHT - BOTTOM + 18, seconds * tick / 5));
        }
        int legend = 0;
        for (String name : List.of("99%", "95%", "50%")) {
            List<long[]> points = percentiles.getOrDefault(name, List.of());
            StringBuilder path = new StringBuilder();
            for (long[] point : points) {
                double x = LEFT + (double) plotWidth * (point[0] - start) / (end - start);
                double y = y(point[1], decades, plotHeight);
                path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n",
                    LINES.get(name), path.toString().trim()));
            int y = TOP + 10 + legend++ * 18;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">p%s</text>%n",
                    WIDTH - RIGHT + 15, y, WIDTH - RIGHT + 35, y, LINES.get(name), WIDTH - RIGHT + 40, y + 4, name.replace("%", "")));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#868e96\"/>%n",
                LEFT, TOP, plotWidth, plotHeight));
        return svg.append("</svg>\n").toString();
    }

    /** The smallest power of ten that is at least the value (and at least 10, so the axis has two lines). */
    static long powerOfTenAtLeast(long value) {
        long power = 10;
        while (power < value) {
            power *= 10;
        }
        return power;
    }

    /** Where a time sits on an axis from 1 ms (bottom) to 10^decades ms (top); 0 ms sits on the bottom. */
    private static double y(long millis, int decades, int plotHeight) {
        return TOP + plotHeight - plotHeight * Math.log10(Math.max(1, millis)) / decades;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
