package org.campuslake.oozie.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.campuslake.oozie.el.Dataset;
import org.campuslake.oozie.el.ElScope;
import org.campuslake.oozie.el.Evaluator;
import org.campuslake.oozie.el.OozieTime;
import org.w3c.dom.Element;

/**
 * Runs a bundle's coordinators for a list of nominal times, as Oozie would once their clock has come: every
 * coordinator that materialises a nominal time gets an action; an action starts when its input events' instances
 * are ready (their done flags exist), its coordinator has fewer running actions than its {@code concurrency}, and
 * the machine has a free workflow slot; among ready actions, each coordinator's {@code execution} order (FIFO,
 * LIFO) decides, then the earliest nominal time, then bundle order. Nothing here knows that analytics follows
 * ingestion: that comes from the datasets one writes and the other waits for.
 *
 * <p>Oozie waits for missing inputs until the action's {@code timeout}; the local runner does not wait for time to
 * pass: once nothing is running that could still produce them, a waiting action is TIMEDOUT with the missing
 * instances listed.
 */
public final class BundleRunner {
    private final LocalEnvironment env;
    private final Map<String, String> jobProperties;
    private final RunListener listener;
    private final int maxWorkflows;

    public BundleRunner(LocalEnvironment env, Map<String, String> jobProperties, RunListener listener, int maxWorkflows) {
        this.env = env;
        this.jobProperties = jobProperties;
        this.listener = listener;
        this.maxWorkflows = Math.max(1, maxWorkflows);
    }

    /** One coordinator action being scheduled. */
    private static final class Pending {
        final CoordinatorApp coord;
        final int coordIndex;
        final ZonedDateTime nominal;
        final RunRecord.CoordAction record;
        final Map<String, List<String>> dataIn = new LinkedHashMap<>();
        final Map<String, List<String>> dataOut = new LinkedHashMap<>();
        final List<Path> flags = new ArrayList<>();

        Pending(CoordinatorApp coord, int coordIndex, ZonedDateTime nominal, RunRecord.CoordAction record) {
            this.coord = coord;
            this.coordIndex = coordIndex;
            this.nominal = nominal;
            this.record = record;
        }
    }

    /** Runs the bundle for the nominal times, records it in the history, and returns the record. */
    public RunRecord run(Path bundleXml, List<ZonedDateTime> nominalTimes, String command) throws IOException,
            InterruptedException {
        ElScope props = ElScope.of(jobProperties);
        Element bundle = Xml.read(bundleXml);
        if (!"bundle-app".equals(bundle.getLocalName())) {
            throw new IOException(bundleXml + " is not a bundle application");
        }
        List<CoordinatorApp> coords = new ArrayList<>();
        for (Element c : Xml.children(bundle, "coordinator")) {
            Path p = LocalPaths.of(null, Evaluator.evaluate(Xml.childText(c, "app-path"), props));
            coords.add(CoordinatorApp.parse(Files.isDirectory(p) ? p.resolve("coordinator.xml") : p, props));
        }
        RunHistory history = new RunHistory(env.lakeHome());
        RunRecord run = new RunRecord();
        run.command = command;
        run.started = Instant.now().toString();
        run.pid = ProcessHandle.current().pid();
        Path runDir = history.create(run);
        Path sparkSubmitDir = writeSparkSubmit(runDir);

        List<Pending> waiting = new ArrayList<>();
        for (ZonedDateTime t : nominalTimes) {
            for (int i = 0; i < coords.size(); i++) {
                CoordinatorApp c = coords.get(i);
                if (!c.materialises(t)) {
                    continue;
                }
                RunRecord.CoordAction rec = new RunRecord.CoordAction();
                rec.coordinator = c.name();
                rec.nominalTime = OozieTime.format(t);
                run.actions.add(rec);
                waiting.add(resolve(new Pending(c, i, t, rec), props));
            }
        }
        if (waiting.isEmpty()) {
            throw new IllegalArgumentException("no coordinator of " + bundleXml.getFileName()
                    + " materialises these nominal times (outside their start/end, or off their frequency)");
        }
        history.save(run);

        ExecutorService pool = Executors.newFixedThreadPool(maxWorkflows);
        ExecutorCompletionService<Pending> done = new ExecutorCompletionService<>(pool);
        Map<CoordinatorApp, Integer> runningPerCoord = new LinkedHashMap<>();
        int running = 0;
        try {
            while (!waiting.isEmpty() || running > 0) {
                Pending next = running < maxWorkflows ? pick(waiting, runningPerCoord) : null;
                if (next != null) {
                    waiting.remove(next);
                    runningPerCoord.merge(next.coord, 1, Integer::sum);
                    running++;
                    Pending p = next;
                    done.submit(() -> {
                        runWorkflow(p, props, runDir, sparkSubmitDir, () -> history.save(run));
                        return p;
                    });
                    continue;
                }
                if (running == 0) {
                    // Nothing runs that could still publish what they wait for.
                    for (Pending p : waiting) {
                        p.record.status = "TIMEDOUT";
                        p.record.error = "input never became ready: " + String.join(", ", p.record.missingInputs);
                        listener.workflow(label(p), "TIMEDOUT", p.record.error);
                    }
                    waiting.clear();
                    break;
                }
                Pending finished = done.take().get();
                runningPerCoord.merge(finished.coord, -1, Integer::sum);
                running--;
                history.save(run);
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("the runner failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        run.ended = Instant.now().toString();
        run.status = run.actions.stream().allMatch(a -> a.status.equals("SUCCEEDED")) ? "SUCCEEDED" : "FAILED";
        history.save(run);
        return run;
    }

    /** Evaluates the action's events for its nominal time: instance URIs and done-flag paths. */
    private Pending resolve(Pending p, ElScope props) throws IOException {
        ElScope at = props.withNominalTime(p.nominal);
        for (CoordinatorApp.Event e : p.coord.inputs()) {
            List<String> uris = instances(p, e, at);
            p.dataIn.put(e.name(), uris);
            for (String uri : uris) {
                String flag = p.coord.datasets().get(e.dataset()).doneFlag();
                Path dir = LocalPaths.of(null, uri);
                p.flags.add(flag.isEmpty() ? dir : dir.resolve(flag));
            }
        }
        for (CoordinatorApp.Event e : p.coord.outputs()) {
            p.dataOut.put(e.name(), instances(p, e, at));
        }
        return p;
    }

    private static List<String> instances(Pending p, CoordinatorApp.Event e, ElScope at) {
        Dataset d = p.coord.datasets().get(e.dataset());
        if (d == null) {
            throw new IllegalArgumentException(p.coord.file() + ": event " + e.name() + " names unknown dataset "
                    + e.dataset());
        }
        ElScope in = at.withDataset(d);
        List<String> uris = new ArrayList<>();
        for (String expr : e.instances()) {
            ZonedDateTime instance = OozieTime.parse(Evaluator.evaluate(expr, in));
            uris.add(Evaluator.evaluate(d.uri(instance), at));
        }
        return uris;
    }

    private Pending pick(List<Pending> waiting, Map<CoordinatorApp, Integer> runningPerCoord) {
        List<Pending> ready = new ArrayList<>();
        for (Pending p : waiting) {
            p.record.missingInputs.clear();
            for (Path f : p.flags) {
                if (!Files.exists(f)) {
                    p.record.missingInputs.add(f.toString());
                }
            }
            if (p.record.missingInputs.isEmpty()
                    && runningPerCoord.getOrDefault(p.coord, 0) < p.coord.concurrency()) {
                ready.add(p);
            }
        }
        // Each coordinator's own order (FIFO: oldest first, LIFO: newest first) picks its candidate ...
        Map<CoordinatorApp, Pending> candidates = new LinkedHashMap<>();
        for (Pending p : ready) {
            Pending c = candidates.get(p.coord);
            boolean lifo = p.coord.execution().equalsIgnoreCase("LIFO");
            if (c == null || (lifo ? p.nominal.isAfter(c.nominal) : p.nominal.isBefore(c.nominal))) {
                candidates.put(p.coord, p);
            }
        }
        // ... then the earliest nominal time across coordinators, then bundle order.
        return candidates.values().stream()
                .min(Comparator.comparing((Pending p) -> p.nominal).thenComparingInt(p -> p.coordIndex))
                .orElse(null);
    }

    private void runWorkflow(Pending p, ElScope props, Path runDir, Path sparkSubmitDir, Runnable save) {
        RunRecord.CoordAction rec = p.record;
        String label = label(p);
        Instant t0 = Instant.now();
        rec.started = t0.toString();
        rec.status = "RUNNING";
        save.run();
        try {
            ElScope at = props.withNominalTime(p.nominal).withEvents(p.dataIn, p.dataOut);
            Path appDir = LocalPaths.of(null, Evaluator.evaluate(p.coord.appPath(), at));
            Path xml = Files.isDirectory(appDir) ? appDir.resolve("workflow.xml") : appDir;
            WorkflowApp app = WorkflowApp.parse(xml);
            Map<String, String> conf = new LinkedHashMap<>(jobProperties);
            for (Map.Entry<String, String> e : p.coord.configuration().entrySet()) {
                conf.put(e.getKey(), Evaluator.evaluate(e.getValue(), at));
            }
            String wfId = runDir.getFileName() + "-" + p.coord.name() + "-" + OozieTime.format(p.nominal)
                    .replace(":", "");
            rec.workflow = app.name();
            rec.workflowId = wfId;
            Path wfDir = runDir.resolve(p.coord.name() + "-" + OozieTime.format(p.nominal).replace(":", ""));
            Files.createDirectories(wfDir);
            listener.workflow(label, "RUNNING", app.name() + " (" + wfDir + ")");
            WorkflowRunner wf = new WorkflowRunner(app, conf, wfId, label, env, sparkSubmitDir, wfDir, listener, rec, save);
            rec.status = wf.run();
            if (!rec.status.equals("SUCCEEDED")) {
                rec.error = wf.killMessage();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rec.status = "KILLED";
            rec.error = "interrupted";
        } catch (IOException | RuntimeException e) {
            rec.status = "FAILED";
            rec.error = e.getMessage();
        }
        Instant t1 = Instant.now();
        rec.ended = t1.toString();
        rec.seconds = (t1.toEpochMilli() - t0.toEpochMilli()) / 1000.0;
        save.run();
        listener.workflow(label, rec.status, rec.error == null
                ? String.format(java.util.Locale.ROOT, "%.0f s", rec.seconds) : rec.error);
    }

    private static String label(Pending p) {
        return p.coord.name() + " " + OozieTime.format(p.nominal);
    }

    /** The run's spark-submit: the template with this machine's java, Spark JVM options and Spark classpath. */
    private Path writeSparkSubmit(Path runDir) throws IOException {
        LocalEnvironment.Launcher spark = env.launchers().get("spark");
        Path bin = runDir.resolve("bin");
        Files.createDirectories(bin);
        if (spark == null) {
            return bin;
        }
        String template;
        try (InputStream in = BundleRunner.class.getResourceAsStream("spark-submit.sh")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder opts = new StringBuilder();
        for (String o : spark.jvmOptions()) {
            opts.append(opts.length() == 0 ? "" : " ").append(quote(o));
        }
        String script = template.replace("@JAVA@", quote(env.java().toString()))
                .replace("@JVM_OPTS@", opts.toString())
                .replace("@CLASSPATH@", quote(spark.classpath()));
        Path file = bin.resolve("spark-submit");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
