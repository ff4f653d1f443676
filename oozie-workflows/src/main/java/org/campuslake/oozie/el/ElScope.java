package org.campuslake.oozie.el;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an expression can see: the application's properties (job.properties, then the app's own parameters and
 * configuration), the running workflow's state for {@code wf:} functions, the coordinator action's nominal time and
 * resolved datasets for {@code coord:} functions, and the file system for {@code fs:} functions.
 */
public final class ElScope {
    /** Workflow state the {@code wf:} functions read. */
    public interface Workflow {
        String id();
        String name();
        String appPath();
        String user();
        String lastErrorNode();
        String errorCode(String node);
        String errorMessage(String node);
        Map<String, String> actionData(String node);
        /** The node's job in the outside world (a YARN application on a cluster); empty when it has none. */
        default String actionExternalId(String node) {
            return "";
        }
    }

    final Map<String, String> properties;
    final Workflow workflow;
    final ZonedDateTime nominalTime;
    final Map<String, List<String>> dataIn;
    final Map<String, List<String>> dataOut;
    /** The dataset whose instance an expression is resolving (inside an input or output event), or null. */
    final Dataset dataset;
    final FileChecks fs;

    private ElScope(Map<String, String> properties, Workflow workflow, ZonedDateTime nominalTime,
                    Map<String, List<String>> dataIn, Map<String, List<String>> dataOut, Dataset dataset, FileChecks fs) {
        this.properties = properties;
        this.workflow = workflow;
        this.nominalTime = nominalTime;
        this.dataIn = dataIn;
        this.dataOut = dataOut;
        this.dataset = dataset;
        this.fs = fs;
    }

    public static ElScope of(Map<String, String> properties) {
        return new ElScope(new HashMap<>(properties), null, null, Map.of(), Map.of(), null, null);
    }

    public ElScope withWorkflow(Workflow w) {
        return new ElScope(properties, w, nominalTime, dataIn, dataOut, dataset, fs);
    }

    public ElScope withNominalTime(ZonedDateTime t) {
        return new ElScope(properties, workflow, t, dataIn, dataOut, dataset, fs);
    }

    public ElScope withEvents(Map<String, List<String>> in, Map<String, List<String>> out) {
        return new ElScope(properties, workflow, nominalTime, in, out, dataset, fs);
    }

    public ElScope withDataset(Dataset d) {
        return new ElScope(properties, workflow, nominalTime, dataIn, dataOut, d, fs);
    }

    public ElScope withFileChecks(FileChecks f) {
        return new ElScope(properties, workflow, nominalTime, dataIn, dataOut, dataset, f);
    }

    public ElScope withProperty(String name, String value) {
        Map<String, String> p = new HashMap<>(properties);
        p.put(name, value);
        return new ElScope(p, workflow, nominalTime, dataIn, dataOut, dataset, fs);
    }

    public Map<String, String> properties() {
        return properties;
    }

    /** What {@code fs:} functions ask of a file system (the runner answers with Hadoop's FileSystem API). */
    public interface FileChecks {
        boolean exists(String path);
        boolean isDir(String path);
        long fileSize(String path);
    }

    private static final ThreadLocal<ElScope> CURRENT = new ThreadLocal<>();

    static ElScope current() {
        ElScope s = CURRENT.get();
        if (s == null) {
            throw new IllegalStateException("an EL function was called outside an evaluation");
        }
        return s;
    }

    /** Makes {@code s} the scope of this thread's evaluation; returns the one it replaces (nested evaluations). */
    static ElScope enter(ElScope s) {
        ElScope previous = CURRENT.get();
        CURRENT.set(s);
        return previous;
    }

    static void restore(ElScope previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
