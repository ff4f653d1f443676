package org.campuslake.oozie.el;

import java.util.Map;

/** The {@code wf:} functions the project's workflows use, as Oozie 5.2 defines them. */
public final class WfFunctions {
    private WfFunctions() {}

    private static ElScope.Workflow wf() {
        ElScope.Workflow w = ElScope.current().workflow;
        if (w == null) {
            throw new IllegalStateException("wf: functions are only available inside a workflow");
        }
        return w;
    }

    public static String id() { return wf().id(); }

    public static String name() { return wf().name(); }

    public static String appPath() { return wf().appPath(); }

    public static String user() { return wf().user(); }

    /** A workflow property (job.properties, parameters, configuration); empty when undefined, as in Oozie. */
    public static String conf(String property) {
        String v = ElScope.current().properties.get(property);
        return v == null ? "" : Evaluator.evaluate(v, ElScope.current());
    }

    public static String lastErrorNode() { return nullToEmpty(wf().lastErrorNode()); }

    public static String errorCode(String node) { return nullToEmpty(wf().errorCode(node)); }

    public static String errorMessage(String node) { return nullToEmpty(wf().errorMessage(node)); }

    public static String actionExternalId(String node) { return nullToEmpty(wf().actionExternalId(node)); }

    /** The properties an action with {@code <capture-output/>} wrote. */
    public static Map<String, String> actionData(String node) {
        Map<String, String> m = wf().actionData(node);
        if (m == null) {
            throw new IllegalArgumentException("wf:actionData('" + node + "'): node '" + node
                    + "' has not run or did not capture output");
        }
        return m;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
