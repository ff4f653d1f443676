package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * A workflow application as the runner executes it: its nodes by name, with transitions, and each action's body
 * kept as XML so that its {@code ${...}} are evaluated when the action starts (they may read earlier actions' data).
 * The file is assumed valid ({@code lake validate} runs first).
 */
record WorkflowApp(String name, Path dir, String start, Map<String, Node> nodes, Map<String, String> parameters,
                   Element global) {

    sealed interface Node permits Action, Fork, Join, Decision, Kill, End {
        String name();
    }

    record Action(String name, String type, Element body, String ok, String error, int retryMax, int retryInterval)
            implements Node {}

    record Fork(String name, List<String> paths) implements Node {}

    record Join(String name, String to) implements Node {}

    record Decision(String name, List<String[]> cases, String defaultTo) implements Node {}

    record Kill(String name, String message) implements Node {}

    record End(String name) implements Node {}

    static WorkflowApp parse(Path workflowXml) throws IOException {
        Element root = Xml.read(workflowXml);
        if (!"workflow-app".equals(root.getLocalName())) {
            throw new IOException(workflowXml + " is not a workflow application");
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        String start = null;
        Element global = null;
        for (Element e : Xml.children(root)) {
            String name = e.getAttribute("name");
            switch (e.getLocalName()) {
                case "parameters" -> {
                    for (Element p : Xml.children(e, "property")) {
                        params.put(Xml.childText(p, "name"), Xml.childText(p, "value"));
                    }
                }
                case "global" -> global = e;
                case "start" -> start = e.getAttribute("to");
                case "end" -> nodes.put(name, new End(name));
                case "kill" -> nodes.put(name, new Kill(name, Xml.childText(e, "message")));
                case "fork" -> {
                    List<String> paths = new ArrayList<>();
                    for (Element p : Xml.children(e, "path")) {
                        paths.add(p.getAttribute("start"));
                    }
                    nodes.put(name, new Fork(name, paths));
                }
                case "join" -> nodes.put(name, new Join(name, e.getAttribute("to")));
                case "decision" -> {
                    Element sw = Xml.child(e, "switch");
                    List<String[]> cases = new ArrayList<>();
                    for (Element c : Xml.children(sw, "case")) {
                        cases.add(new String[] {c.getTextContent().trim(), c.getAttribute("to")});
                    }
                    nodes.put(name, new Decision(name, cases, Xml.child(sw, "default").getAttribute("to")));
                }
                case "action" -> {
                    Element body = null;
                    for (Element c : Xml.children(e)) {
                        if (!List.of("ok", "error", "info").contains(c.getLocalName())) {
                            body = c;
                            break;
                        }
                    }
                    nodes.put(name, new Action(name, body.getLocalName(), body,
                            Xml.child(e, "ok").getAttribute("to"), Xml.child(e, "error").getAttribute("to"),
                            intAttr(e, "retry-max", 0), intAttr(e, "retry-interval", 10)));
                }
                default -> { /* credentials, sla:info at the top: nothing to run */ }
            }
        }
        return new WorkflowApp(root.getAttribute("name"), workflowXml.getParent(), start, nodes, params, global);
    }

    private static int intAttr(Element e, String name, int dflt) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? dflt : Integer.parseInt(v.trim());
    }
}
