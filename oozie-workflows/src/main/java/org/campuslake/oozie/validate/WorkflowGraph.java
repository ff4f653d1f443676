package org.campuslake.oozie.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workflow's nodes and transitions, with the rules the XSD cannot express: every transition names an existing
 * node, every node is reachable from the start, no cycle, and forks and joins pair up (all paths of a fork meet at
 * one join, which no other fork uses; error transitions may leave a fork).
 */
public final class WorkflowGraph {
    /** A node: its kind (start, end, kill, decision, fork, join, action), where it is, its transitions. */
    public record Node(String name, String kind, int line, int column, List<Edge> edges) {}

    /** A transition to {@code target}; {@code error} for an action's error path. */
    public record Edge(String target, boolean error, int line, int column) {}

    private final String file;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Problem> parseProblems = new ArrayList<>();
    private String start;
    private int startLine;
    private int startColumn;

    private WorkflowGraph(String file) {
        this.file = file;
    }

    public Map<String, Node> nodes() { return nodes; }

    public String start() { return start; }

    public static WorkflowGraph parse(Path path) throws IOException {
        WorkflowGraph g = new WorkflowGraph(path.toString());
        try (InputStream in = Files.newInputStream(path)) {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.newSAXParser().parse(in, g.new Handler());
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return g;
    }

    private final class Handler extends DefaultHandler {
        private Locator locator;
        private Node current;
        private int depth;
        private int actionDepth = -1;

        @Override
        public void setDocumentLocator(Locator l) {
            locator = l;
        }

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            depth++;
            if (!AppValidator.WORKFLOW_NS.equals(uri)) {
                return;
            }
            int line = locator.getLineNumber();
            int col = locator.getColumnNumber();
            if (depth == 2) {
                switch (local) {
                    case "start" -> {
                        start = a.getValue("to");
                        startLine = line;
                        startColumn = col;
                    }
                    case "end", "kill", "decision", "fork", "join", "action" -> {
                        current = new Node(a.getValue("name"), local, line, col, new ArrayList<>());
                        if (nodes.containsKey(current.name())) {
                            parseProblems.add(new Problem(file, line, col, "duplicate node name '" + current.name() + "'"));
                        }
                        nodes.put(current.name(), current);
                        if (local.equals("join")) {
                            current.edges().add(new Edge(a.getValue("to"), false, line, col));
                        }
                        if (local.equals("action")) {
                            actionDepth = depth;
                        }
                    }
                    default -> current = null;
                }
            } else if (current != null) {
                switch (local) {
                    case "path" -> current.edges().add(new Edge(a.getValue("start"), false, line, col));
                    case "case", "default" -> current.edges().add(new Edge(a.getValue("to"), false, line, col));
                    case "ok" -> {
                        if (depth == actionDepth + 1) {
                            current.edges().add(new Edge(a.getValue("to"), false, line, col));
                        }
                    }
                    case "error" -> {
                        if (depth == actionDepth + 1) {
                            current.edges().add(new Edge(a.getValue("to"), true, line, col));
                        }
                    }
                    default -> { }
                }
            }
        }

        @Override
        public void endElement(String uri, String local, String q) {
            if (depth == 2) {
                current = null;
                actionDepth = -1;
            }
            depth--;
        }
    }

    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>(parseProblems);
        if (start == null) {
            problems.add(new Problem(file, 1, 1, "no <start> node"));
            return problems;
        }
        if (!nodes.containsKey(start)) {
            problems.add(new Problem(file, startLine, startColumn, "<start> goes to unknown node '" + start + "'"));
        }
        for (Node n : nodes.values()) {
            for (Edge e : n.edges()) {
                if (!nodes.containsKey(e.target())) {
                    problems.add(new Problem(file, e.line(), e.column(), n.kind() + " '" + n.name()
                            + "' goes to unknown node '" + e.target() + "'"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        // Reachability.
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (reached.add(n)) {
                nodes.get(n).edges().forEach(e -> todo.push(e.target()));
            }
        }
        for (Node n : nodes.values()) {
            if (!reached.contains(n.name())) {
                problems.add(new Problem(file, n.line(), n.column(), n.kind() + " '" + n.name()
                        + "' cannot be reached from <start>"));
            }
        }
        // Cycles (Oozie workflows are DAGs).
        Map<String, Integer> state = new HashMap<>();
        for (Node n : nodes.values()) {
            findCycle(n.name(), state, new ArrayDeque<>(), problems);
        }
        if (problems.isEmpty()) {
            checkForks(problems);
        }
        return problems;
    }

    private void findCycle(String name, Map<String, Integer> state, Deque<String> path, List<Problem> problems) {
        Integer s = state.get(name);
        if (s != null) {
            if (s == 1) {
                List<String> cycle = new ArrayList<>(path);
                java.util.Collections.reverse(cycle);
                cycle = cycle.subList(cycle.indexOf(name), cycle.size());
                Node n = nodes.get(name);
                problems.add(new Problem(file, n.line(), n.column(), "cycle: " + String.join(" -> ", cycle) + " -> " + name));
            }
            return;
        }
        state.put(name, 1);
        path.push(name);
        for (Edge e : nodes.get(name).edges()) {
            findCycle(e.target(), state, path, problems);
        }
        path.pop();
        state.put(name, 2);
    }

    /** Every fork's paths (following non-error transitions, nested forks skipped to their join) meet at one join. */
    private void checkForks(List<Problem> problems) {
        Map<String, String> joinOwner = new HashMap<>();
        for (Node fork : nodes.values()) {
            if (!fork.kind().equals("fork")) {
                continue;
            }
            Set<String> joins = new java.util.TreeSet<>();
            List<String> dangling = new ArrayList<>();
            for (Edge path : fork.edges()) {
                Set<String> reached = joinsReached(path.target(), new HashSet<>());
                if (reached.isEmpty()) {
                    dangling.add(path.target());
                }
                joins.addAll(reached);
            }
            if (!dangling.isEmpty() || joins.size() != 1) {
                problems.add(new Problem(file, fork.line(), fork.column(), "fork '" + fork.name() + "' "
                        + (!dangling.isEmpty() ? "has paths that never reach a join: " + dangling
                                : "has paths ending in different joins " + joins)));
                continue;
            }
            String join = joins.iterator().next();
            String other = joinOwner.put(join, fork.name());
            if (other != null) {
                Node j = nodes.get(join);
                problems.add(new Problem(file, j.line(), j.column(), "join '" + join + "' closes two forks: '" + other
                        + "' and '" + fork.name() + "'"));
            }
        }
        for (Node n : nodes.values()) {
            if (n.kind().equals("join") && !joinOwner.containsKey(n.name())) {
                problems.add(new Problem(file, n.line(), n.column(), "join '" + n.name() + "' closes no fork"));
            }
        }
    }

    private Set<String> joinsReached(String from, Set<String> seen) {
        Set<String> out = new HashSet<>();
        if (!seen.add(from)) {
            return out;
        }
        Node n = nodes.get(from);
        switch (n.kind()) {
            case "join" -> out.add(n.name());
            case "fork" -> {
                // A nested fork: continue after its own join.
                Set<String> inner = new HashSet<>();
                for (Edge e : n.edges()) {
                    inner.addAll(joinsReached(e.target(), new HashSet<>(seen)));
                }
                for (String j : inner) {
                    out.addAll(joinsReached(nodes.get(j).edges().get(0).target(), seen));
                }
            }
            case "end", "kill" -> { }
            default -> {
                for (Edge e : n.edges()) {
                    if (!e.error()) {
                        out.addAll(joinsReached(e.target(), seen));
                    }
                }
            }
        }
        return out;
    }
}
