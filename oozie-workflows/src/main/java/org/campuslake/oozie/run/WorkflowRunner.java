package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.campuslake.oozie.el.ElScope;
import org.campuslake.oozie.el.Evaluator;

/**
 * Executes one workflow application: start, actions (each attempt in its own JVM, retried as declared), decisions
 * on {@code ${...}} evaluated by the EL engine, forks whose branches run in parallel (action JVMs bounded by the
 * environment's slots), joins, kill and end. Its state answers the {@code wf:} functions.
 */
final class WorkflowRunner implements ElScope.Workflow {
    private final WorkflowApp app;
    private final String id;
    private final String label;
    private final LocalEnvironment env;
    private final ActionExecutors executors;
    private final Path dir;
    private final RunListener listener;
    private final RunRecord.CoordAction record;
    private final Runnable save;
    private final Semaphore slots;
    private final ElScope scope;
    private final Map<String, Map<String, String>> actionData = new ConcurrentHashMap<>();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Map<String, String> errorCodes = new ConcurrentHashMap<>();
    private final Map<String, String> externalIds = new ConcurrentHashMap<>();
    private volatile String lastErrorNode = "";
    private volatile String killMessage;
    private volatile boolean killed;

    WorkflowRunner(WorkflowApp app, Map<String, String> properties, String id, String label, LocalEnvironment env,
                   Path sparkSubmitDir, Path dir, RunListener listener, RunRecord.CoordAction record, Runnable save)
            throws IOException {
        this.app = app;
        this.id = id;
        this.label = label;
        this.env = env;
        this.executors = new ActionExecutors(env, sparkSubmitDir);
        this.dir = dir;
        this.listener = listener;
        this.record = record;
        this.save = save;
        this.slots = new Semaphore(Math.max(1, env.slots()));
        Map<String, String> props = new HashMap<>();
        app.parameters().forEach((k, v) -> {
            if (v != null) {
                props.put(k, v);
            }
        });
        props.putAll(properties);
        for (String k : app.parameters().keySet()) {
            if (!props.containsKey(k)) {
                throw new IllegalArgumentException("workflow " + app.name() + " needs parameter " + k);
            }
        }
        this.scope = ElScope.of(props).withWorkflow(this).withFileChecks(new LocalFileChecks());
    }

    /** Runs to the end or a kill: SUCCEEDED, KILLED (a kill node; message in {@link #killMessage()}) or FAILED. */
    String run() throws InterruptedException {
        ExecutorService branches = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "wf-" + app.name() + "-branch");
            t.setDaemon(true);
            return t;
        });
        try {
            walk(app.start(), branches);
            return killed ? "KILLED" : "SUCCEEDED";
        } catch (WorkflowError e) {
            killMessage = e.getMessage();
            executors.killAll();
            return "FAILED";
        } finally {
            branches.shutdownNow();
        }
    }

    String killMessage() {
        return killMessage;
    }

    /** Follows transitions from {@code name} until a join (returned), the end or a kill (null). */
    private String walk(String name, ExecutorService branches) throws InterruptedException {
        while (true) {
            if (killed) {
                return null;
            }
            WorkflowApp.Node node = app.nodes().get(name);
            if (node == null) {
                throw new WorkflowError("transition to unknown node '" + name + "'");
            }
            if (node instanceof WorkflowApp.End) {
                return null;
            } else if (node instanceof WorkflowApp.Kill k) {
                killMessage = eval(k.message(), "kill " + k.name());
                killed = true;
                executors.killAll();
                return null;
            } else if (node instanceof WorkflowApp.Join j) {
                return j.name();
            } else if (node instanceof WorkflowApp.Decision d) {
                name = decide(d);
            } else if (node instanceof WorkflowApp.Fork f) {
                name = fork(f, branches);
            } else {
                WorkflowApp.Action a = (WorkflowApp.Action) node;
                name = execute(a) ? a.ok() : a.error();
            }
        }
    }

    private String fork(WorkflowApp.Fork f, ExecutorService branches) throws InterruptedException {
        List<Future<String>> paths = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (String start : f.paths()) {
            paths.add(branches.submit(() -> {
                String join = walk(start, branches);
                listener.action(label, f.name(), "fork", "PROGRESS", done.incrementAndGet() + "/" + f.paths().size()
                        + " branches done");
                return join;
            }));
        }
        String join = null;
        for (Future<String> p : paths) {
            try {
                String j = p.get();
                if (j != null) {
                    join = j;
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof WorkflowError w ? w : new WorkflowError(String.valueOf(e.getCause()));
            }
        }
        if (killed) {
            return null;
        }
        return ((WorkflowApp.Join) app.nodes().get(join)).to();
    }

    private String decide(WorkflowApp.Decision d) {
        for (String[] c : d.cases()) {
            try {
                if (Boolean.TRUE.equals(Evaluator.evaluate(c[0], scope, Boolean.class))) {
                    return c[1];
                }
            } catch (RuntimeException e) {
                throw new WorkflowError("decision " + d.name() + ": " + e.getMessage());
            }
        }
        return d.defaultTo();
    }

    /** Runs an action with its retries; true when it ended OK. */
    private boolean execute(WorkflowApp.Action a) throws InterruptedException {
        RunRecord.Action rec = new RunRecord.Action();
        rec.name = a.name();
        rec.type = a.type();
        rec.status = "PREP"; // until a slot is free, as an Oozie action waits for its launcher
        rec.log = dir.resolve(a.name() + ".log").toString();
        synchronized (record) {
            record.nodes.add(rec);
        }
        Instant t0 = null;
        ActionExecutor.Outcome outcome = null;
        for (int attempt = 0; attempt <= a.retryMax(); attempt++) {
            if (attempt > 0) {
                listener.action(label, a.name(), a.type(), "RETRY", "attempt " + (attempt + 1) + " of "
                        + (a.retryMax() + 1) + " in " + a.retryInterval() * env.retrySeconds() + " s: " + outcome.error());
                Thread.sleep(1000L * a.retryInterval() * env.retrySeconds());
            }
            rec.attempts = attempt + 1;
            save.run();
            slots.acquire();
            if (t0 == null) {
                t0 = Instant.now(); // durations count from the launch, not from the wait for a slot
                rec.started = t0.toString();
                rec.status = "RUNNING";
            }
            try {
                listener.action(label, a.name(), a.type(), "RUNNING", attempt == 0 ? "" : "attempt " + (attempt + 1));
                Path work = dir.resolve("work").resolve(a.name());
                LocalPaths.deleteTree(work);
                Files.createDirectories(work);
                externalIds.put(a.name(), dir.resolve(a.name() + ".log").toString());
                outcome = executors.run(new ActionExecutor.Attempt(app, a, text -> actionText(text, a.name()),
                        app.global(), work, dir.resolve(a.name() + ".log")));
            } catch (WorkflowError e) {
                outcome = ActionExecutor.Outcome.failed(e.code(), e.getMessage());
            } catch (java.io.FileNotFoundException e) {
                outcome = ActionExecutor.Outcome.failed("JA008", e.getMessage());
            } catch (IOException e) {
                outcome = ActionExecutor.Outcome.failed("JA009", e.getMessage());
            } finally {
                slots.release();
            }
            // As Oozie: retry-max retries the transient error codes only, not a main's own exit code.
            if (outcome.ok() || killed || !outcome.retryable()) {
                break;
            }
        }
        try {
            LocalPaths.deleteTree(dir.resolve("work").resolve(a.name()));
        } catch (IOException ignored) {
            // a leftover working folder is harmless
        }
        Instant t1 = Instant.now();
        rec.ended = t1.toString();
        rec.seconds = (t1.toEpochMilli() - t0.toEpochMilli()) / 1000.0;
        rec.record(outcome.data());
        if (outcome.ok()) {
            actionData.put(a.name(), outcome.data());
            rec.status = "OK";
        } else {
            rec.status = killed ? "KILLED" : "ERROR";
            rec.error = outcome.error();
            errors.put(a.name(), outcome.error() == null ? "" : outcome.error());
            errorCodes.put(a.name(), outcome.errorCode() == null ? "" : outcome.errorCode());
            lastErrorNode = a.name();
        }
        save.run();
        listener.action(label, a.name(), a.type(), rec.status, outcome.ok()
                ? String.format(java.util.Locale.ROOT, "%.1f s %s", rec.seconds, rec.counters.isEmpty() ? "" : rec.counters)
                : outcome.error());
        return outcome.ok();
    }

    private String eval(String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            return Evaluator.evaluate(text, scope);
        } catch (RuntimeException e) {
            throw new WorkflowError(where + ": " + e.getMessage());
        }
    }

    /**
     * EL in an action's body. Oozie escapes the job's properties for XML when it puts them in (a JDBC URL's '&' is
     * fine), but puts a captured output (wf:actionData) into the action's XML text as it is and then parses it: a
     * value that brings a '<' or '&' fails the action before it starts (JA007, seen on the Oozie 5.2.1 server). The
     * local runner fails it the same way instead of passing the value on.
     */
    private String actionText(String text, String where) {
        String v = eval(text, where);
        if (v != null && FUNCTION_CALL.matcher(text).find() && markup(v) > markup(text)) {
            throw new WorkflowError("JA007", where + ": JA007: an EL value puts '<' or '&' into the action's XML (" + v
                    + "); Oozie substitutes EL before parsing the action, which then is not well-formed");
        }
        return v;
    }

    private static final java.util.regex.Pattern FUNCTION_CALL = java.util.regex.Pattern.compile("\\$\\{[^}]*wf:actionData\\(");

    private static long markup(String s) {
        return s.chars().filter(c -> c == '<' || c == '&').count();
    }

    /** An error of the workflow itself (EL, a bad transition), not of an action's program. */
    static final class WorkflowError extends RuntimeException {
        private final String code;

        WorkflowError(String message) {
            this("EL_ERROR", message);
        }

        WorkflowError(String code, String message) {
            super(message);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    @Override public String id() { return id; }
    @Override public String name() { return app.name(); }
    @Override public String appPath() { return app.dir().toUri().toString(); }
    @Override public String user() { return System.getProperty("user.name"); }
    @Override public String lastErrorNode() { return lastErrorNode; }
    @Override public String errorCode(String node) { return errorCodes.getOrDefault(node, ""); }
    @Override public String errorMessage(String node) { return errors.getOrDefault(node, ""); }
    @Override public String actionExternalId(String node) { return externalIds.getOrDefault(node, ""); }

    @Override
    public Map<String, String> actionData(String node) {
        Map<String, String> d = actionData.get(node);
        if (d == null && errors.containsKey(node)) {
            return Map.of(); // as Oozie: a failed action's data is empty, so an error path can still read it
        }
        if (d == null) {
            throw new IllegalArgumentException("wf:actionData('" + node + "'): action " + node
                    + " has not run, or has no <capture-output/>");
        }
        return d;
    }

    static void ensureDir(Path p) throws IOException {
        Files.createDirectories(p);
    }
}
