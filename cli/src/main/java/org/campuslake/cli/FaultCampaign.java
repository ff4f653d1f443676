package org.campuslake.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.ServicesState;
import org.campuslake.oozie.run.RunRecord;
import org.campuslake.seed.SummaryDiff;

/**
 * {@code lake bench faults}: the chain killed with SIGKILL at random points (a random action of a clean run, after a
 * random part of that action's clean duration; every fourth time, and on the last if none was, the services daemon
 * with its MariaDB as well), then run again. After each rerun, what the lake holds must be what the clean run left:
 * every curated table's rows (Beeline, sorted), the summary database (every column but published_at), the import
 * watermarks and validation counts (state/), and no duplicate key in any curated table.
 */
final class FaultCampaign {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

    /** What a run leaves, compared between the clean run and each rerun. */
    record Fingerprint(Map<String, List<String>> curated, Map<String, String> keys, Map<String, List<String>> summary,
                       Map<String, String> state) {
        long curatedRows() {
            return curated.values().stream().mapToLong(List::size).sum();
        }
    }

    /** A point to kill at: an action of the clean run, and how long after it starts. */
    record KillPoint(String workflow, String action, String type, double afterSeconds, boolean services) {
        String show() {
            return String.format(Locale.ROOT, "%s +%.1f s", action, afterSeconds);
        }
    }

    /** The finished actions of the clean run, or those of them named in {@code at}. */
    static List<KillPoint> killPoints(RunRecord clean, List<String> at) {
        List<KillPoint> points = new ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (RunRecord.CoordAction a : clean.actions) {
            for (RunRecord.Action n : a.nodes) {
                if ("OK".equals(n.status) && n.seconds != null) {
                    names.add(n.name);
                    if (at.isEmpty() || at.contains(n.name)) {
                        points.add(new KillPoint(a.workflow, n.name, n.type, n.seconds, false));
                    }
                }
            }
        }
        List<String> unknown = at.stream().filter(x -> !names.contains(x)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--at " + String.join(",", unknown) + ": not an action that ran in "
                    + clean.id + " (its actions: " + String.join(", ", names) + ")");
        }
        if (points.isEmpty()) {
            throw new IllegalStateException("run " + clean.id + " has no finished action to kill the chain in");
        }
        return points;
    }

    private final LakeContext ctx;
    private final LocalDate date;
    private final Random random;
    private final Path logs;

    FaultCampaign(LakeContext ctx, LocalDate date, long seed) throws IOException {
        this.ctx = ctx;
        this.date = date;
        this.random = new Random(seed);
        this.logs = Files.createDirectories(ctx.home.logs().resolve("bench-faults"));
    }

    /**
     * @param clean the clean run of {@link #date} whose result the lake holds now
     * @param at    the actions to kill in (empty: any)
     * @return the exit code
     */
    int run(RunRecord clean, int faults, List<String> at) throws Exception {
        List<KillPoint> points = killPoints(clean, at);
        ctx.err.println("Fault campaign on " + date + ": reading what the clean run " + clean.id + " left");
        Fingerprint reference = fingerprint();
        List<String> dup = duplicates(reference);
        if (!dup.isEmpty()) {
            throw new IllegalStateException("the clean run already has duplicate keys: " + String.join("; ", dup));
        }
        ctx.out.printf(Locale.ROOT, "Fault campaign, %s: %d kills of lake run --date %s; the clean run %s left %,d curated"
                + " rows in %d tables, %d summary tables, %d state files%n", ctx.home.root(), faults, date, clean.id,
                reference.curatedRows(), reference.curated().size(), reference.summary().size(), reference.state().size());

        int survived = 0;
        int killed = 0;
        boolean servicesKilled = false;
        for (int attempt = 1; killed < faults && attempt <= 2 * faults; attempt++) {
            KillPoint p = points.get(random.nextInt(points.size()));
            boolean services = (killed + 1) % 4 == 0 || (killed + 1 == faults && !servicesKilled);
            p = new KillPoint(p.workflow(), p.action(), p.type(), random.nextDouble() * 0.9 * p.afterSeconds(), services);
            long t0 = System.nanoTime();
            String how = killAt(p, logs.resolve(String.format(Locale.ROOT, "fault-%02d.log", attempt)));
            if (how == null) {
                ctx.out.printf(Locale.ROOT, "  (attempt %d: the run ended before %s; another point)%n", attempt, p.show());
                continue;
            }
            killed++;
            servicesKilled |= services;
            PrintStream progress = new PrintStream(Files.newOutputStream(
                    logs.resolve(String.format(Locale.ROOT, "rerun-%02d.log", attempt))), true, StandardCharsets.UTF_8);
            RunRecord rerun;
            try (progress) {
                rerun = ChainRunner.run(ctx, List.of(date), "bench faults: rerun --date " + date + " after kill "
                        + killed, new ChainProgress(progress), 1);
            }
            List<String> problems = new ArrayList<>();
            if (!"SUCCEEDED".equals(rerun.status)) {
                problems.add("the rerun " + rerun.id + " ended " + rerun.status + " (./lake runs " + rerun.id + ")");
            } else {
                Fingerprint after = fingerprint();
                problems.addAll(differences(reference, after));
                problems.addAll(duplicates(after));
            }
            if (problems.isEmpty()) {
                survived++;
            }
            ctx.out.printf(Locale.ROOT, "  kill %2d/%d at %s: %s; rerun %s, %.0f s: %s%n", killed, faults, p.show(), how,
                    rerun.id, (System.nanoTime() - t0) / 1e9, problems.isEmpty() ? "same as the clean run, survived"
                            : "DIFFERENT from the clean run");
            problems.stream().limit(8).forEach(x -> ctx.out.println("      " + x));
        }
        ctx.out.println(survived + " survived of " + killed + (killed < faults ? " (fewer kills than asked: the runs"
                + " kept ending before their kill point)" : ""));
        return survived == faults ? 0 : 1;
    }

    /**
     * Starts {@code lake run --date D} as a process of its own and kills it, with everything it started, once the
     * point's action has run for the point's delay. @return what was killed, or null if the run ended first
     */
    private String killAt(KillPoint p, Path log) throws Exception {
        // Its own process group (setsid execs java in place), so one kill reaches every process of the chain.
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setsid"));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Lake.class.getName(), "run", "--date",
                date.toString()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        Pattern started = Pattern.compile(".*\\s" + Pattern.quote(p.action()) + "\\s+" + Pattern.quote(p.type())
                + "\\s+RUNNING\\b.*");
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                 PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.println(line);
                    if (started.matcher(ANSI.matcher(line).replaceAll("")).matches()) {
                        running.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed: its output ends here
            }
        }, "fault-reader");
        reader.setDaemon(true);
        reader.start();
        while (!running.await(200, TimeUnit.MILLISECONDS)) {
            if (!child.isAlive()) {
                return null;
            }
        }
        if (child.waitFor((long) (p.afterSeconds() * 1000), TimeUnit.MILLISECONDS)) {
            return null;
        }
        int chain = (int) child.descendants().count() + 1;
        killGroup(child.pid());
        String how = "kill -9 of the chain (" + chain + " processes)";
        if (p.services()) {
            ServicesState s = ctx.services.running().orElseThrow(() -> new IllegalStateException(
                    "the local services are not running during the run"));
            int daemon = (int) ProcessHandle.of(s.pid()).map(h -> h.descendants().count() + 1).orElse(0L).intValue();
            killGroup(s.pid());
            how += " and the services (" + daemon + ", MariaDB included)";
        }
        child.waitFor();
        return how;
    }

    /**
     * SIGKILL to a whole process group at once: a process started between listing the children and killing them
     * cannot escape, as it could with one kill per process.
     */
    private static void killGroup(long leader) throws Exception {
        Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + leader).redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -KILL -" + leader + " failed: " + said);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (groupAlive(leader)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("process group " + leader + " still alive 60 s after SIGKILL");
            }
            Thread.sleep(100);
        }
        // Until its parent reaps it, a killed leader still looks alive to ProcessHandle (a zombie), and so to the
        // services' own liveness check: wait for that too.
        while (ProcessHandle.of(leader).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Whether a process of the group is left (zombies aside: they hold nothing). */
    private static boolean groupAlive(long group) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs.filter(x -> x.getFileName().toString().matches("\\d+"))::iterator) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (!f[0].equals("Z") && Long.parseLong(f[2]) == group) {
                        return true;
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return false;
    }

    /** What the lake holds now: the curated tables through Beeline, the summary database, the state files. */
    Fingerprint fingerprint() throws Exception {
        ServicesState services = ctx.services.ensureRunning(LakeContext.defaultPort(), ctx.err::println);
        String url = ThriftService.jdbcUrl(new ThriftService(ctx).ensureRunning(services));
        Map<String, String> keys = BeelineQuery.curatedKeys();
        List<String> branches = new ArrayList<>();
        keys.forEach((t, k) -> branches.add("SELECT '" + t + "' AS t, COUNT(*) AS n, COUNT(DISTINCT `" + k + "`) AS k"
                + " FROM curated." + t));
        Map<String, String> statements = new java.util.LinkedHashMap<>();
        statements.put("counts", String.join(" UNION ALL ", branches));
        keys.keySet().forEach(t -> statements.put(t, "SELECT * FROM curated." + t));
        Map<String, List<String>> results = BeelineQuery.results(url, "etl", statements);
        Map<String, List<String>> curated = new TreeMap<>();
        for (String t : keys.keySet()) {
            List<String> rows = new ArrayList<>(results.get(t));
            rows.sort(null);
            curated.put(t, rows);
        }
        Map<String, String> keyCounts = new TreeMap<>();
        for (String row : results.get("counts")) {
            String[] f = row.split("\t");
            keyCounts.put(f[0], f[1] + "\t" + f[2]);
        }
        Map<String, List<String>> summary;
        try (Connection c = ctx.services.endpoint(services).connect(EmbeddedMariaDb.ADMIN_USER, "summary")) {
            summary = SummaryDiff.dump(c, "summary");
        }
        return new Fingerprint(curated, keyCounts, summary, state(ctx.home.root().resolve("lake/state")));
    }

    /** The import watermarks, validation counts and acceptances: each file's properties, without its date comment. */
    private static Map<String, String> state(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String zone : List.of("ingest/erp", "ingest/acceptances", "validation")) {
            Path dir = root.resolve(zone);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".properties"))::iterator) {
                    List<String> lines = new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
                    lines.removeIf(l -> l.startsWith("#") || l.startsWith("accepted_at=") || l.startsWith("accepted_by="));
                    lines.sort(null);
                    out.put(root.relativize(f).toString(), String.join("\n", lines));
                }
            }
        }
        return out;
    }

    static List<String> differences(Fingerprint a, Fingerprint b) {
        List<String> out = new ArrayList<>();
        compare("curated.", a.curated(), b.curated(), out);
        compare("summary.", a.summary(), b.summary(), out);
        for (String f : union(a.state().keySet(), b.state().keySet())) {
            String x = a.state().get(f);
            String y = b.state().get(f);
            if (x == null || y == null) {
                out.add("state/" + f + ": " + (x == null ? "new after the rerun" : "missing after the rerun"));
            } else if (!x.equals(y)) {
                out.add("state/" + f + ": " + x.replace('\n', ' ') + "  became  " + y.replace('\n', ' '));
            }
        }
        return out;
    }

    private static void compare(String prefix, Map<String, List<String>> a, Map<String, List<String>> b, List<String> out) {
        for (String t : union(a.keySet(), b.keySet())) {
            List<String> x = a.getOrDefault(t, List.of());
            List<String> y = b.getOrDefault(t, List.of());
            if (x.equals(y)) {
                continue;
            }
            List<String> gone = new ArrayList<>(x);
            gone.removeAll(new java.util.HashSet<>(y));
            List<String> added = new ArrayList<>(y);
            added.removeAll(new java.util.HashSet<>(x));
            out.add(String.format(Locale.ROOT, "%s%s: %,d rows after the rerun, %,d in the clean run%s%s", prefix, t,
                    y.size(), x.size(), gone.isEmpty() ? "" : "; missing: " + gone.get(0).replace('\t', ' '),
                    added.isEmpty() ? (gone.isEmpty() ? "; a row repeated" : "") : "; not in the clean run: "
                            + added.get(0).replace('\t', ' ')));
        }
    }

    static List<String> duplicates(Fingerprint f) {
        List<String> out = new ArrayList<>();
        f.keys().forEach((t, counts) -> {
            String[] c = counts.split("\t");
            if (!c[0].equals(c[1])) {
                out.add("curated." + t + ": " + c[0] + " rows but " + c[1] + " distinct keys");
            }
        });
        return out;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
