package org.campuslake.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.campuslake.oozie.run.RunHistory;
import org.campuslake.oozie.run.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List the local runner's runs (newest first), or show one run's coordinator actions and"
            + " workflow actions: status, start, duration, counters (rows imported, rejected, published), error, log."})
final class RunsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN_ID", arity = "0..1", description = "Show this run in detail.")
    String id;

    @Option(names = "-n", paramLabel = "N", defaultValue = "20", description = "How many runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        LakeContext ctx = new LakeContext();
        RunHistory history = new RunHistory(ctx.home.root());
        if (id != null) {
            show(ctx, history.load(id));
            return 0;
        }
        List<RunRecord> runs = history.list();
        if (runs.isEmpty()) {
            ctx.out.println("No runs yet in " + history.root() + ": ./lake run --date YYYY-MM-DD");
            return 0;
        }
        ctx.out.printf(Locale.ROOT, "%-18s %-9s %-21s %s%n", "RUN", "STATUS", "STARTED", "COMMAND / ACTIONS");
        for (RunRecord r : runs.subList(0, Math.min(limit, runs.size()))) {
            Map<String, Integer> byStatus = new TreeMap<>();
            r.actions.forEach(a -> byStatus.merge(a.status, 1, Integer::sum));
            ctx.out.printf(Locale.ROOT, "%-18s %-9s %-21s %s  %s%n", r.id, r.effectiveStatus(), r.started.substring(0, 19),
                    r.command, byStatus);
        }
        return 0;
    }

    private static void show(LakeContext ctx, RunRecord r) {
        ctx.out.println("Run " + r.id + " (" + r.command + "): " + r.effectiveStatus() + ", started " + r.started
                + (r.ended == null ? "" : ", ended " + r.ended));
        for (RunRecord.CoordAction a : r.actions) {
            ctx.out.printf(Locale.ROOT, "%n%s %s  %s  %s%s%n", a.coordinator, a.nominalTime, a.status,
                    a.workflowId == null ? "" : a.workflowId,
                    a.seconds == null ? "" : String.format(Locale.ROOT, "  %.1f s", a.seconds));
            if (a.error != null) {
                ctx.out.println("  error: " + a.error);
            }
            for (RunRecord.Action n : a.nodes) {
                ctx.out.printf(Locale.ROOT, "  %-26s %-6s %-7s %8s  %d attempt(s)  %s%n", n.name, n.type, n.status,
                        n.seconds == null ? "" : String.format(Locale.ROOT, "%.1f s", n.seconds), n.attempts,
                        n.error != null ? n.error + "  (log: " + n.log + ")" : n.counters.isEmpty() ? "" : n.counters);
            }
        }
        conservation(r).forEach(ctx.out::println);
    }

    /**
     * Per day and table: {@code source = curated + quarantined + erased}, from the terms the steps wrote
     * (conservation.* outputs: the import commit's source, the validation's lake side, the KPI job's curated
     * rows). Without the KPI job's count (analytics not run yet), the raw term stands in for curated.
     */
    static List<String> conservation(RunRecord r) {
        Map<String, Map<String, String>> byDay = new TreeMap<>();
        for (RunRecord.CoordAction a : r.actions) {
            Map<String, String> terms = byDay.computeIfAbsent(a.nominalTime, k -> new TreeMap<>());
            for (RunRecord.Action n : a.nodes) {
                terms.putAll(n.conservation);
            }
        }
        List<String> out = new java.util.ArrayList<>();
        for (Map.Entry<String, Map<String, String>> day : byDay.entrySet()) {
            Map<String, String> t = day.getValue();
            java.util.Set<String> tables = new java.util.TreeSet<>();
            t.keySet().stream().filter(k -> k.endsWith(".source")).forEach(k -> tables.add(k.substring(0, k.length() - 7)));
            if (tables.isEmpty()) {
                continue;
            }
            out.add(String.format(Locale.ROOT, "%nconservation, data of %s (source = curated + quarantined + erased; deleted:"
                    + " the day's tombstones)", dataDate(day.getKey())));
            out.add(String.format(Locale.ROOT, "  %-16s %9s %9s %11s %7s %8s", "table", "source", "curated",
                    "quarantined", "erased", "deleted"));
            for (String table : tables) {
                long source = num(t, table + ".source");
                long quarantined = num(t, table + ".quarantined");
                long erased = num(t, table + ".erased");
                String curatedTable = t.getOrDefault(table + ".curated_table", table);
                String curatedText = t.get("curated." + curatedTable);
                long curated = curatedText != null ? Long.parseLong(curatedText) : num(t, table + ".raw");
                long off = source - curated - quarantined - erased;
                String verdict = off == 0 ? "holds" : String.format(Locale.ROOT, "DOES NOT HOLD (%+d row(s) %s)", off,
                        off > 0 ? "unaccounted for" : "too many in the lake");
                if (curatedText == null) {
                    verdict += ", curated not counted yet (raw's rows shown)";
                } else if (t.containsKey(table + ".raw") && curated != num(t, table + ".raw")) {
                    verdict += String.format(Locale.ROOT, ", raw holds %d", num(t, table + ".raw"));
                }
                out.add(String.format(Locale.ROOT, "  %-16s %,9d %,9d %,11d %,7d %,8d  %s", table, source, curated,
                        quarantined, erased, num(t, table + ".deleted"), verdict));
            }
        }
        return out;
    }

    private static long num(Map<String, String> terms, String key) {
        String v = terms.get(key);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** A coordinator action at D+1 00:00 processes the data of D. */
    private static String dataDate(String nominalTime) {
        try {
            return java.time.OffsetDateTime.parse(nominalTime).toLocalDate().minusDays(1).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return nominalTime;
        }
    }

    /** Every action's row counters, summed per name (a value that is not a number, which a user's action may print, left out). */
    static String counters(RunRecord.CoordAction a) {
        Map<String, Long> sum = new TreeMap<>();
        for (RunRecord.Action n : a.nodes) {
            n.counters.forEach((k, v) -> {
                try {
                    sum.merge(k, Long.parseLong(v.strip()), Long::sum);
                } catch (NumberFormatException e) {
                    // shown in the run's detail (lake runs ID), as printed
                }
            });
        }
        return sum.isEmpty() ? "" : sum.toString();
    }
}
