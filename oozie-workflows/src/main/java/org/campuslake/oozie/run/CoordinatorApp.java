package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campuslake.oozie.el.Dataset;
import org.campuslake.oozie.el.ElScope;
import org.campuslake.oozie.el.Evaluator;
import org.campuslake.oozie.el.OozieTime;
import org.w3c.dom.Element;

/**
 * A coordinator application, its attributes and controls evaluated: frequency, start and end, timeout, concurrency
 * and execution order, its datasets (inline or included), input and output events, and the workflow it starts
 * with the configuration of each action still as expressions (they depend on the nominal time).
 */
record CoordinatorApp(String name, Path file, long frequencyMinutes, ZonedDateTime start, ZonedDateTime end,
                      int timeoutMinutes, int concurrency, String execution, Map<String, Dataset> datasets,
                      List<Event> inputs, List<Event> outputs, String appPath, Map<String, String> configuration) {

    record Event(String name, String dataset, List<String> instances) {}

    static CoordinatorApp parse(Path file, ElScope props) throws IOException {
        Element root = Xml.read(file);
        if (!"coordinator-app".equals(root.getLocalName())) {
            throw new IOException(file + " is not a coordinator application");
        }
        Element controls = Xml.child(root, "controls");
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        Element ds = Xml.child(root, "datasets");
        if (ds != null) {
            for (Element e : Xml.children(ds)) {
                if (e.getLocalName().equals("include")) {
                    Path inc = LocalPaths.of(null, eval(e.getTextContent().trim(), props, file));
                    Element included = Xml.read(inc);
                    // As Oozie: an included file's datasets are read in no namespace; a namespaced one has none.
                    if (included.getNamespaceURI() != null && !included.getNamespaceURI().isEmpty()) {
                        throw new IOException(inc + ": a dataset file for <include> must have no namespace (Oozie"
                                + " finds no dataset in it: 'undefined dataset')");
                    }
                    for (Element d : Xml.children(included, "dataset")) {
                        datasets.put(d.getAttribute("name"), dataset(d, props, inc));
                    }
                } else if (e.getLocalName().equals("dataset")) {
                    datasets.put(e.getAttribute("name"), dataset(e, props, file));
                }
            }
        }
        Element action = Xml.child(Xml.child(root, "action"), "workflow");
        Map<String, String> conf = new LinkedHashMap<>();
        Element c = Xml.child(action, "configuration");
        if (c != null) {
            for (Element p : Xml.children(c, "property")) {
                conf.put(Xml.childText(p, "name"), Xml.childText(p, "value"));
            }
        }
        return new CoordinatorApp(root.getAttribute("name"), file,
                Long.parseLong(eval(root.getAttribute("frequency"), props, file)),
                OozieTime.parse(eval(root.getAttribute("start"), props, file)),
                OozieTime.parse(eval(root.getAttribute("end"), props, file)),
                control(controls, "timeout", -1, props, file), control(controls, "concurrency", 1, props, file),
                controls == null || Xml.childText(controls, "execution") == null ? "FIFO"
                        : Xml.childText(controls, "execution"),
                datasets, events(root, "input-events", "data-in"), events(root, "output-events", "data-out"),
                Xml.childText(action, "app-path"), conf);
    }

    /** The nominal times this coordinator materialises: start + k * frequency, before end. */
    boolean materialises(ZonedDateTime t) {
        if (t.isBefore(start) || !t.isBefore(end)) {
            return false;
        }
        return java.time.Duration.between(start, t).toMinutes() % frequencyMinutes == 0;
    }

    private static List<Event> events(Element root, String group, String kind) {
        List<Event> out = new ArrayList<>();
        Element g = Xml.child(root, group);
        if (g != null) {
            for (Element e : Xml.children(g, kind)) {
                List<String> instances = new ArrayList<>(Xml.childTexts(e, "instance"));
                if (instances.isEmpty() && Xml.child(e, "start-instance") != null) {
                    throw new IllegalArgumentException(kind + " " + e.getAttribute("name")
                            + ": start-instance/end-instance ranges are not supported by the local runner");
                }
                out.add(new Event(e.getAttribute("name"), e.getAttribute("dataset"), instances));
            }
        }
        return out;
    }

    private static Dataset dataset(Element d, ElScope props, Path file) {
        String flag = Xml.childText(d, "done-flag");
        return new Dataset(d.getAttribute("name"), Long.parseLong(eval(d.getAttribute("frequency"), props, file)),
                OozieTime.parse(eval(d.getAttribute("initial-instance"), props, file)),
                Xml.childText(d, "uri-template"), flag == null ? "_SUCCESS" : flag);
    }

    private static int control(Element controls, String name, int dflt, ElScope props, Path file) {
        String v = controls == null ? null : Xml.childText(controls, name);
        return v == null ? dflt : Integer.parseInt(eval(v, props, file));
    }

    private static String eval(String text, ElScope scope, Path file) {
        try {
            return Evaluator.evaluate(text, scope);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
