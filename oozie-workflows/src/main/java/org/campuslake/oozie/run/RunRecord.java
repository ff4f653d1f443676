package org.campuslake.oozie.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code lake run}: the coordinator actions it materialised and, for each, its workflow's actions with status,
 * times, attempts, counters and error. Stored as {@code runs/<id>/run.json} and rewritten at every change, so
 * that {@code lake runs} shows a run in progress, and a killed one as far as it got.
 */
public final class RunRecord {
    public String id;
    public String command;
    public String status = "RUNNING";
    public String started;
    /** The process that ran it: a RUNNING record whose process is gone was killed (see {@link #effectiveStatus}). */
    public Long pid;
    public String ended;
    /** A run on a real Oozie server: its URL and the bundle's job id (null for the local runner's runs). */
    public String server;
    public String bundleId;
    public List<CoordAction> actions = new ArrayList<>();

    /** A coordinator action: one nominal time of one coordinator, and the workflow it ran. */
    public static final class CoordAction {
        public String coordinator;
        public String nominalTime;
        public String workflow;
        public String workflowId;
        public String status = "WAITING";
        public String started;
        public String ended;
        public Double seconds;
        public String error;
        public List<String> missingInputs = new ArrayList<>();
        public List<Action> nodes = new ArrayList<>();
    }

    /** A workflow action. */
    public static final class Action {
        public String name;
        public String type;
        public String status;
        public String started;
        public String ended;
        public Double seconds;
        public int attempts;
        public Map<String, String> counters = new LinkedHashMap<>();
        /** The action's terms of the conservation ({@code conservation.*} output properties), by name. */
        public Map<String, String> conservation = new java.util.TreeMap<>();
        public String error;
        public String log;

        /** Keeps, of an action's output properties, the row counters and the conservation's terms. */
        public void record(Map<String, String> data) {
            data.forEach((k, v) -> {
                if (k.startsWith("rows.")) {
                    counters.put(k, v);
                } else if (k.startsWith("conservation.")) {
                    conservation.put(k.substring("conservation.".length()), v);
                }
            });
        }
    }

    /** The status, or DIED for a run still marked RUNNING whose process no longer exists (killed, machine stopped). */
    public String effectiveStatus() {
        if ("RUNNING".equals(status) && pid != null && ProcessHandle.current().pid() != pid
                && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return "DIED";
        }
        return status;
    }
}
