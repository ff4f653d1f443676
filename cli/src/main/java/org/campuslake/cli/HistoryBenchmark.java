package org.campuslake.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.campuslake.oozie.run.RunRecord;
import org.campuslake.seed.ErpAdvancer;
import org.campuslake.seed.ErpDatabase;
import org.campuslake.seed.ErpSeeder;
import org.campuslake.seed.gen.GeneratorConfig;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code lake bench history}: whether a day's cost follows the day's changes or the history the lake keeps. The
 * initial load of a freshly seeded ERP, then N consecutive days ({@code erp advance} + {@code lake run}), each timed
 * as a whole and per stage (wall time from the stage's first action start to its last action end), written as a
 * CSV and a PNG chart (day against seconds per stage) beside the run history.
 */
final class HistoryBenchmark {
    /** The stages of a day, by the actions that make them up. */
    private static final Map<String, Predicate<String>> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("import", n -> n.equals("plan") || n.startsWith("import-") || n.equals("commit"));
        STAGES.put("validate", n -> n.equals("validate"));
        STAGES.put("register", n -> n.equals("register-partitions") || n.equals("mark-ready"));
        STAGES.put("curated build", n -> n.equals("curated-build"));
        STAGES.put("kpis", n -> n.equals("kpis"));
    }

    record Day(int number, LocalDate date, double seconds, Map<String, Double> stages, long imported) {}

    private HistoryBenchmark() {}

    static int run(LakeContext ctx, picocli.CommandLine.Model.CommandSpec spec, double scale, int days) throws Exception {
        GeneratorConfig cfg = SeedCommand.config(spec, scale, GeneratorConfig.DEFAULT_SEED, GeneratorConfig.DEFAULT_START);
        ErpDatabase erp = ctx.erpDatabase(null);
        ErpSeeder.Report seeded = new ErpSeeder(erp, ctx.home.tmp(), new ConsoleProgress()).seed(cfg, true);
        ChainRunner.resetLake(ctx);
        List<Day> out = new ArrayList<>();
        LocalDate d = seeded.clock();
        long peak;
        try (PeakMemory memory = new PeakMemory()) {
            for (int i = 0; i <= days; i++) {
                if (i > 0) {
                    d = d.plusDays(1);
                    new ErpAdvancer(erp, new ConsoleProgress()).advance(d);
                }
                ctx.err.printf(Locale.ROOT, "%n== history benchmark: day %d of %d, lake run --date %s%n", i, days, d);
                long t0 = System.nanoTime();
                RunRecord r = ChainRunner.run(ctx, List.of(d), "bench history: run --date " + d, new ChainProgress(ctx.err), 1);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (!r.status.equals("SUCCEEDED")) {
                    return RunCommand.report(ctx, r);
                }
                out.add(new Day(i, d, seconds, stages(r), imported(r)));
            }
            peak = memory.peakBytes();
        }
        Path dir = ctx.home.root().resolve("bench");
        Files.createDirectories(dir);
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        Path csv = dir.resolve("history-" + stamp + ".csv");
        Path png = dir.resolve("history-" + stamp + ".png");
        Files.writeString(csv, csv(out), StandardCharsets.UTF_8);
        chart(out, scale, png);
        print(ctx, out, scale, peak, csv, png);
        return 0;
    }

    /** Each stage's wall time: from its first action's start to its last action's end. */
    static Map<String, Double> stages(RunRecord r) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Predicate<String>> s : STAGES.entrySet()) {
            Instant first = null;
            Instant last = null;
            for (RunRecord.CoordAction a : r.actions) {
                for (RunRecord.Action n : a.nodes) {
                    if (s.getValue().test(n.name) && n.started != null && n.ended != null) {
                        Instant b = Instant.parse(n.started);
                        Instant e = Instant.parse(n.ended);
                        first = first == null || b.isBefore(first) ? b : first;
                        last = last == null || e.isAfter(last) ? e : last;
                    }
                }
            }
            out.put(s.getKey(), first == null ? 0 : (last.toEpochMilli() - first.toEpochMilli()) / 1000.0);
        }
        return out;
    }

    private static long imported(RunRecord r) {
        long n = 0;
        for (RunRecord.CoordAction a : r.actions) {
            for (RunRecord.Action node : a.nodes) {
                n += Long.parseLong(node.counters.getOrDefault("rows.imported", "0"));
            }
        }
        return n;
    }

    static String csv(List<Day> days) {
        StringBuilder sb = new StringBuilder("day,date,seconds,rows_imported");
        STAGES.keySet().forEach(s -> sb.append(',').append(s.replace(' ', '_')).append("_seconds"));
        sb.append('\n');
        for (Day d : days) {
            sb.append(d.number).append(',').append(d.date).append(',').append(String.format(Locale.ROOT, "%.1f", d.seconds))
                    .append(',').append(d.imported);
            d.stages.values().forEach(v -> sb.append(',').append(String.format(Locale.ROOT, "%.1f", v)));
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void chart(List<Day> days, double scale, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries total = new XYSeries("whole day");
        days.stream().skip(1).forEach(d -> total.add(d.number, d.seconds));
        data.addSeries(total);
        for (String stage : STAGES.keySet()) {
            XYSeries s = new XYSeries(stage);
            days.stream().skip(1).forEach(d -> s.add(d.number, d.stages.get(stage)));
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(String.format(Locale.ROOT,
                        "Campus Lake, SF%s: seconds per day after an initial load of %.0f s", scale, days.get(0).seconds),
                "day after the initial load", "seconds", data, PlotOrientation.VERTICAL, true, false, false);
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.getDomainAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new java.awt.BasicStroke(i == 0 ? 3f : 2f));
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 560);
    }

    private static void print(LakeContext ctx, List<Day> days, double scale, long peak, Path csv, Path png) {
        ctx.out.println();
        ctx.out.printf(Locale.ROOT, "History benchmark, SF%s, %d cores: the initial load, then %d days%n", scale,
                Runtime.getRuntime().availableProcessors(), days.size() - 1);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %4s  %-10s %8s %9s", "day", "date",
                "seconds", "imported"));
        STAGES.keySet().forEach(s -> head.append(String.format(Locale.ROOT, " %13s", s)));
        ctx.out.println(head);
        for (Day d : days) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %4s  %-10s %8.1f %,9d",
                    d.number == 0 ? "init" : Integer.toString(d.number), d.date, d.seconds, d.imported));
            d.stages.values().forEach(v -> line.append(String.format(Locale.ROOT, " %13.1f", v)));
            ctx.out.println(line);
        }
        if (days.size() > 1) {
            ctx.out.printf(Locale.ROOT, "  day 1 / initial load   %6.2f   target <= 0.25%n", days.get(1).seconds / days.get(0).seconds);
        }
        if (days.size() > 3) {
            Day last = days.get(days.size() - 1);
            ctx.out.printf(Locale.ROOT, "  day %d / day 2          %6.2f   target <= 1.1 (the cost does not grow with history)%n",
                    last.number, last.seconds / days.get(2).seconds);
        }
        ctx.out.printf(Locale.ROOT, "  peak memory            %6.2f GB (this JVM and every action process, summed)   target <= 3 GB%n",
                peak / 1e9);
        ctx.out.println("  per day and stage: " + csv);
        ctx.out.println("  chart: " + png);
    }
}
