package org.campuslake.oozie.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campuslake.ingest.stage.FailureLine;
import org.campuslake.oozie.server.OozieServer;

/**
 * Runs the bundle for one data date on a real Oozie server and follows it to the end, as {@code lake run} does
 * with the local runner: the bundle is submitted with the environment's job.properties and a schedule of exactly
 * that date (start = D+1 00:00, end = D+2 00:00: one action per coordinator, the analytics one waiting on the
 * ingest's done flags in HDFS). The record, in the same history as the local runs, holds the server's job ids.
 */
public final class ServerRunner {
    private static final Set<String> DONE = Set.of("SUCCEEDED", "KILLED", "FAILED", "DONEWITHERROR", "TIMEDOUT",
            "SKIPPED", "IGNORED");
    /** The bundle's name (bundle.xml). */
    private static final String BUNDLE = "campus-lake";
    private static final DateTimeFormatter OOZIE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'");

    private final OozieServer server;
    private final RunHistory history;
    private final RunListener listener;
    private final long pollMillis;
    public ServerRunner(OozieServer server, Path lakeHome, RunListener listener, long pollMillis) {
        this.server = server;
        this.history = new RunHistory(lakeHome);
        this.listener = listener;
        this.pollMillis = pollMillis;
    }

    /** The schedule of one data date: the coordinators' action at D+1 00:00 UTC processes D. */
    public static Map<String, String> schedule(LocalDate date) {
        String start = OOZIE_TIME.format(date.plusDays(1).atStartOfDay(ZoneOffset.UTC));
        return Map.of("start", start, "end", OOZIE_TIME.format(date.plusDays(2).atStartOfDay(ZoneOffset.UTC)),
                "kickOffTime", start);
    }

    /**
     * @param jobProperties the environment's properties (their EL is the server's to resolve)
     * @param coordinators  how many coordinators the bundle has: the run is over when each ran its action
     * @param timeoutMillis the bundle is killed after this long
     */
    public RunRecord run(Map<String, String> jobProperties, LocalDate date, String command, int coordinators,
                         long timeoutMillis) throws IOException, InterruptedException {
        Map<String, String> conf = new LinkedHashMap<>(jobProperties);
        conf.putAll(schedule(date));
        RunRecord rec = newRecord(command);
        try {
            // One chain at a time, as the deploy script replaces a running bundle: an earlier unfinished one would
            // start its analytics on this run's done flags (the same dataset instances).
            for (JsonNode b : server.jobs("bundle", "name=" + BUNDLE + ";status=PREP;status=RUNNING;status=SUSPENDED"
                    + ";status=PREPSUSPENDED;status=PAUSED;status=PREPPAUSED;status=RUNNINGWITHERROR", 100)
                    .path("bundlejobs")) {
                listener.workflow("bundle " + date, "KILLING", "the unfinished " + BUNDLE + " bundle "
                        + b.path("bundleJobId").asText() + " (" + b.path("status").asText() + ")");
                server.kill(b.path("bundleJobId").asText());
            }
            rec.bundleId = server.submit(conf);
        } catch (IOException e) {
            finish(rec, "FAILED");
            throw e;
        }
        history.save(rec);
        listener.workflow("bundle " + date, "SUBMITTED", rec.bundleId + " on " + server.url());
        Map<String, String> seen = new HashMap<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String bundleStatus;
        while (true) {
            JsonNode bundle = server.info(rec.bundleId);
            bundleStatus = bundle.path("status").asText();
            boolean allDone = refresh(rec, bundle, seen);
            history.save(rec);
            if (DONE.contains(bundleStatus) || (allDone && rec.actions.size() >= coordinators)) {
                break;
            }
            // A failed ingest never writes the done flags the analytics action waits for (up to its 20 h timeout):
            // the date is over, as far as this run goes.
            if (rec.actions.stream().anyMatch(a -> DONE.contains(a.status) && !a.status.equals("SUCCEEDED"))
                    && rec.actions.stream().allMatch(a -> DONE.contains(a.status) || a.status.equals("WAITING"))) {
                listener.workflow("bundle " + date, "KILLING", "an action failed; the rest waits for inputs that"
                        + " will not come");
                server.kill(rec.bundleId);
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                server.kill(rec.bundleId);
                finish(rec, "KILLED");
                throw new IOException("bundle " + rec.bundleId + " for " + date + " did not end within "
                        + timeoutMillis / 60000 + " min: killed (its jobs: oozie job -info " + rec.bundleId + ")");
            }
            Thread.sleep(pollMillis);
        }
        boolean ok = rec.actions.size() >= coordinators
                && rec.actions.stream().allMatch(a -> a.status.equals("SUCCEEDED"));
        finish(rec, ok ? "SUCCEEDED" : "FAILED");
        return rec;
    }

    /**
     * Runs one workflow (no coordinator: an operator's job such as an erasure) on the server and follows it to its
     * end, recorded in the run history as one action labelled {@code label}.
     *
     * @param jobProperties the environment's properties; its bundle path is replaced by {@code appPath}
     */
    public RunRecord runWorkflow(Map<String, String> jobProperties, String appPath, String label, String command,
                                 long timeoutMillis) throws IOException, InterruptedException {
        Map<String, String> conf = new LinkedHashMap<>(jobProperties);
        conf.remove("oozie.bundle.application.path"); // the server takes one application path only
        conf.remove("oozie.coord.application.path");
        conf.put("oozie.wf.application.path", appPath);
        RunRecord rec = newRecord(command);
        RunRecord.CoordAction a = new RunRecord.CoordAction();
        a.coordinator = label;
        a.nominalTime = OOZIE_TIME.format(Instant.now().atZone(ZoneOffset.UTC));
        rec.actions.add(a);
        try {
            a.workflowId = server.submit(conf);
        } catch (IOException e) {
            finish(rec, "FAILED");
            throw e;
        }
        listener.workflow(label, "SUBMITTED", a.workflowId + " on " + server.url());
        Map<String, String> seen = new HashMap<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            JsonNode wf = server.info(a.workflowId);
            a.status = wf.path("status").asText();
            a.nodes.clear();
            nodes(a, wf, label, seen);
            if (!a.status.equals(seen.put(label, a.status))) {
                listener.workflow(label, a.status, a.workflowId);
            }
            history.save(rec);
            if (DONE.contains(a.status)) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                server.kill(a.workflowId);
                finish(rec, "KILLED");
                throw new IOException("workflow " + a.workflowId + " did not end within " + timeoutMillis / 60000
                        + " min: killed (oozie job -info " + a.workflowId + ")");
            }
            Thread.sleep(pollMillis);
        }
        if (!a.status.equals("SUCCEEDED")) {
            a.error = a.nodes.stream().filter(n -> n.error != null).map(n -> n.name + ": " + n.error)
                    .reduce((x, y) -> y).orElse(null);
        }
        finish(rec, a.status.equals("SUCCEEDED") ? "SUCCEEDED" : "FAILED");
        return rec;
    }

    private RunRecord newRecord(String command) throws IOException {
        RunRecord rec = new RunRecord();
        rec.command = command;
        rec.started = Instant.now().toString();
        rec.pid = ProcessHandle.current().pid();
        rec.server = server.url();
        history.create(rec);
        return rec;
    }

    private void finish(RunRecord rec, String status) {
        rec.status = status;
        rec.ended = Instant.now().toString();
        history.save(rec);
    }

    /** The coordinators' actions and their workflows' nodes, as the server has them now; true when all ended. */
    private boolean refresh(RunRecord rec, JsonNode bundle, Map<String, String> seen) throws IOException {
        boolean allDone = true;
        rec.actions.clear();
        for (JsonNode coord : bundle.path("bundleCoordJobs")) {
            String coordName = coord.path("coordJobName").asText();
            JsonNode info = server.info(coord.path("coordJobId").asText());
            for (JsonNode ca : info.path("actions")) {
                RunRecord.CoordAction a = new RunRecord.CoordAction();
                a.coordinator = "campus-lake-" + coordName;
                a.nominalTime = OOZIE_TIME.format(Instant.parse(iso(ca.path("nominalTime").asText())).atZone(ZoneOffset.UTC));
                a.status = ca.path("status").asText();
                a.workflowId = text(ca, "externalId");
                a.error = text(ca, "errorMessage");
                String missing = text(ca, "missingDependencies");
                if (missing != null) {
                    a.missingInputs.addAll(List.of(missing.split("#")));
                }
                String label = coordName + " " + a.nominalTime;
                if (!a.status.equals(seen.put(label, a.status))) {
                    listener.workflow(label, a.status, a.workflowId == null
                            ? (a.missingInputs.isEmpty() ? "" : "waiting for " + a.missingInputs.size() + " input(s)")
                            : a.workflowId);
                }
                if (a.workflowId != null) {
                    nodes(a, server.info(a.workflowId), label, seen);
                }
                allDone &= DONE.contains(a.status);
                rec.actions.add(a);
            }
        }
        return allDone;
    }

    void nodes(RunRecord.CoordAction a, JsonNode wf, String label, Map<String, String> seen) {
        a.workflow = wf.path("appName").asText();
        a.started = iso(wf.path("startTime").asText(null));
        a.ended = iso(wf.path("endTime").asText(null));
        a.seconds = seconds(a.started, a.ended);
        // The error path's FailureLine found the failed stage's line, which Oozie's own error lacks on a cluster.
        Map<String, String> explained = new HashMap<>();
        for (JsonNode n : wf.path("actions")) {
            String type = n.path("type").asText();
            if (type.startsWith(":")) {
                continue; // :start:, :fork:, :join: and the like
            }
            RunRecord.Action node = new RunRecord.Action();
            node.name = n.path("name").asText();
            node.type = type;
            node.status = n.path("status").asText();
            node.started = iso(n.path("startTime").asText(null));
            node.ended = iso(n.path("endTime").asText(null));
            node.seconds = seconds(node.started, node.ended);
            node.attempts = n.path("userRetryCount").asInt(0) + 1;
            node.log = text(n, "externalId");
            String code = text(n, "errorCode");
            String msg = text(n, "errorMessage");
            node.error = code == null && msg == null ? null : (code == null ? "" : code + ": ") + (msg == null ? "" : msg);
            Map<String, String> data = outputData(text(n, "data"));
            node.record(data);
            a.nodes.add(node);
            if (data.containsKey(FailureLine.NODE_KEY)) {
                explained.put(data.get(FailureLine.NODE_KEY), data.getOrDefault(FailureLine.DETAIL_KEY, ""));
            }
            if (!node.status.equals(seen.put(label + "/" + node.name, node.status))) {
                listener.action(label, node.name, type, node.status,
                        node.error != null ? node.error : node.log == null ? "" : node.log);
            }
        }
        for (RunRecord.Action node : a.nodes) {
            String detail = explained.get(node.name);
            if (node.error != null && detail != null && !detail.isEmpty() && !node.error.endsWith(detail)) {
                node.error += detail;
                if (seen.put(label + "/" + node.name + "/line", detail) == null) {
                    listener.action(label, node.name, node.type, node.status, node.error);
                }
            }
        }
    }

    /** An action's capture-output properties, as Oozie returns them (the text of a properties file). */
    public static Map<String, String> outputData(String data) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (data == null) {
            return out;
        }
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new java.io.StringReader(data));
        } catch (java.io.IOException e) {
            return out; // not properties: no counters
        }
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** Oozie's RFC 1123 times ("Wed, 02 Dec 2026 04:36:47 GMT") as ISO instants. */
    private static String iso(String rfc1123) {
        if (rfc1123 == null || rfc1123.isEmpty() || rfc1123.equals("null")) {
            return null;
        }
        return ZonedDateTime.parse(rfc1123, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString();
    }

    private static Double seconds(String from, String to) {
        return from == null || to == null ? null
                : (Instant.parse(to).toEpochMilli() - Instant.parse(from).toEpochMilli()) / 1000.0;
    }
}
