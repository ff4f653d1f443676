package org.campuslake.labs;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.campuslake.oozie.run.RunRecord;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Lab 6, an Oozie workflow: in a copy of the project's applications, the student adds a shell action to the ingest
 * workflow, after the day's partitions are marked ready, that reports the day's valid rows from the validate
 * action's output (an EL function and capture-output); validates the copy, runs a date with it, and reads the
 * action in the run history.
 */
public final class WorkflowLab extends SheetLab {
    static final String DIR = "lab06";
    /** The student's copy of the applications (lab start makes it afresh). */
    static final String APPS = DIR + "/apps";
    static final String STARTED = DIR + "/started";
    static final String ACTION = "day-report";
    static final String AFTER = "mark-ready";
    /** What validate counts, and the key day-report prints it under (rows.*: the run history keeps those). */
    static final String VALID = "rows.valid";
    static final String REPORTED = "rows.reported";

    public WorkflowLab() {
        super(6, "oozie-workflow", "An Oozie workflow", 60,
                Set.of(Need.SERVICES, Need.SEEDED_ERP, Need.ONE_DAY_RUN));
    }

    @Override
    public String notOnCluster() {
        return "lake run --apps runs a changed copy of the applications with the local runner; on the cluster the"
                + " sheet's hdfs dfs -put and lake run --env cluster do it, without a self-check";
    }

    @Override
    public void reset(LabLake lake) throws Exception {
        lake.delete(DIR);
        lake.copyApps(APPS);
        lake.write(STARTED, Long.toString(System.currentTimeMillis()));
    }

    @Override
    public List<Finding> check(LabLake lake) throws Exception {
        Map<String, List<String>> lab = lake.files(DIR);
        List<String> workflow = lake.files(APPS + "/ingest").get("workflow.xml");
        if (!lab.containsKey("started") || workflow == null) {
            return List.of(Finding.missing("your copy of the applications is there (.lake/home/" + APPS + ")",
                    "It is not: ./lake lab start 6 makes it"));
        }
        List<Finding> out = new ArrayList<>();
        List<String> problems = lake.validateApps(APPS);
        String valid = "your copy of the applications validates (./lake validate .lake/home/" + APPS + ")";
        out.add(problems.isEmpty() ? Finding.ok(valid) : Finding.missing(valid, problems.size() + " problem(s), the"
                + " first: " + problems.get(0)));
        out.add(action(String.join("\n", workflow)));
        out.add(ran(lake, Long.parseLong(lab.get("started").get(0).strip())));
        return out;
    }

    private static Finding action(String xml) {
        String what = "the ingest workflow has a shell action " + ACTION + " that captures its output, between " + AFTER
                + " and the end";
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            root = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            return Finding.missing(what, "ingest/workflow.xml does not read as XML: " + e.getMessage());
        }
        Optional<Element> mine = node(root, ACTION);
        if (mine.isEmpty()) {
            return Finding.missing(what, "ingest/workflow.xml has no action named " + ACTION + " (step 2)");
        }
        Optional<Element> shell = child(mine.get(), "shell");
        if (shell.isEmpty()) {
            return Finding.missing(what, ACTION + " is not a shell action (its body is <shell"
                    + " xmlns=\"uri:oozie:shell-action:1.0\">, as the analytics workflow's kpis action)");
        }
        if (child(shell.get(), "capture-output").isEmpty()) {
            return Finding.missing(what, ACTION + " does not capture its output (<capture-output/>, last in its"
                    + " <shell>): without it, nothing it prints reaches wf:actionData or the run history");
        }
        String from = node(root, AFTER).flatMap(e -> child(e, "ok")).map(e -> e.getAttribute("to")).orElse("");
        if (!from.equals(ACTION)) {
            return Finding.missing(what, AFTER + " goes on to '" + from + "', not to " + ACTION + ": change its <ok to>");
        }
        // On ok, day-report leads to the end, itself or through actions of the student's own (going further).
        String end = child(root, "end").map(e -> e.getAttribute("name")).orElse("end");
        Set<String> seen = new java.util.HashSet<>();
        String to = child(mine.get(), "ok").map(e -> e.getAttribute("to")).orElse("");
        String first = to;
        while (!to.equals(end) && seen.add(to)) {
            Optional<Element> next = node(root, to);
            if (next.isEmpty() || !next.get().getLocalName().equals("action")) {
                break;
            }
            to = child(next.get(), "ok").map(e -> e.getAttribute("to")).orElse("");
        }
        if (!to.equals(end)) {
            return Finding.missing(what, ACTION + " goes on to '" + first + "', which does not lead to the end ("
                    + end + "): the day is over after it");
        }
        return Finding.ok(what);
    }

    private static Finding ran(LabLake lake, long started) throws Exception {
        String what = "a run since the lab started ran " + ACTION + ", which reported the day's valid rows ("
                + REPORTED + ", as many as the validate action's " + VALID + ")";
        List<String> notes = new ArrayList<>();
        for (RunRecord r : lake.runsSince(started)) {
            for (RunRecord.CoordAction a : r.actions) {
                Optional<RunRecord.Action> mine = a.nodes.stream().filter(n -> ACTION.equals(n.name)).findFirst();
                if (a.coordinator == null || !a.coordinator.contains("ingest") || mine.isEmpty()) {
                    continue;
                }
                String validated = a.nodes.stream().filter(n -> "validate".equals(n.name)).findFirst()
                        .map(n -> n.counters.get(VALID)).orElse(null);
                String reported = mine.get().counters.get(REPORTED);
                if (!"OK".equals(mine.get().status)) {
                    notes.add("in run " + r.id + " " + ACTION + " is " + mine.get().status + (mine.get().error == null
                            ? "" : ": " + mine.get().error));
                } else if (reported == null) {
                    notes.add("in run " + r.id + " " + ACTION + " printed no " + REPORTED + "=N line (its counters: "
                            + mine.get().counters + "): print it, with N from the validate action's output"
                            + " (wf:actionData)");
                } else if (!reported.equals(validated)) {
                    notes.add("in run " + r.id + " " + ACTION + " reported " + REPORTED + "=" + reported + ", and the"
                            + " validate action counted " + VALID + "=" + validated);
                } else if (!a.status.equals("SUCCEEDED")) {
                    notes.add("in run " + r.id + " the ingest workflow ended " + a.status);
                } else {
                    return Finding.ok(what + " (run " + r.id + ", " + REPORTED + "=" + reported + ")");
                }
            }
        }
        return Finding.missing(what, notes.isEmpty() ? "No run since the lab started ran " + ACTION + ": run a date"
                + " with your copy (step 4): ./lake run --date D --apps .lake/home/" + APPS : String.join("; ", notes));
    }

    private static Optional<Element> node(Element root, String name) {
        NodeList nodes = root.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getAttribute("name"))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
