package org.campuslake.oozie.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Offline validation of an Oozie application file, as strict as the server's submission check and a little
 * stricter: the official schemas (every action body against its own schema, one pass), then for workflows the
 * graph rules the schemas cannot express ({@link WorkflowGraph}).
 */
public final class AppValidator {
    public static final String WORKFLOW_NS = "uri:oozie:workflow:1.0";
    public static final String COORDINATOR_NS = "uri:oozie:coordinator:0.5";
    public static final String BUNDLE_NS = "uri:oozie:bundle:0.2";
    private static final Set<String> APPLICATIONS = Set.of(WORKFLOW_NS, COORDINATOR_NS, BUNDLE_NS);

    private AppValidator() {}

    /** @return every problem found; empty when the file is a valid application */
    public static List<Problem> validate(Path file) throws IOException {
        String name = file.toString();
        List<Problem> problems = new ArrayList<>();
        String[] rootName = new String[1];
        String root = rootNamespace(file, problems, rootName);
        if (root == null) {
            return problems;
        }
        // A dataset file for <include>: Oozie reads its <dataset> elements in no namespace (CoordSubmitXCommand
        // includeOneDSFile calls getChildren("dataset")), so a namespaced file defines no dataset at all and the
        // coordinator fails at submission with "undefined dataset". Checked against the coordinator schema as if it
        // had the coordinator's namespace.
        boolean includeFile = "datasets".equals(rootName[0]);
        if (includeFile && !root.isEmpty()) {
            problems.add(new Problem(name, 1, 1, "a dataset file for <include> must have no namespace (it has '" + root
                    + "'): Oozie looks for its <dataset> elements in none, and the coordinator would fail with"
                    + " 'undefined dataset'"));
            return problems;
        }
        if (includeFile) {
            root = COORDINATOR_NS;
        }
        if (!APPLICATIONS.contains(root)) {
            problems.add(new Problem(name, 1, 1, "not an Oozie application this project uses: root namespace '" + root
                    + "' (expected one of " + APPLICATIONS + ")"));
            return problems;
        }
        Validator v = OozieSchemas.schema().newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) { problems.add(problem(name, e)); }
            @Override public void fatalError(SAXParseException e) { problems.add(problem(name, e)); }
        });
        try (InputStream in = includeFile ? withCoordinatorNamespace(file) : Files.newInputStream(file)) {
            v.validate(new StreamSource(in, file.toUri().toString()));
        } catch (SAXParseException e) {
            if (problems.isEmpty()) {
                problems.add(problem(name, e));
            }
        } catch (SAXException e) {
            problems.add(new Problem(name, 1, 1, e.getMessage()));
        }
        if (WORKFLOW_NS.equals(root) && problems.isEmpty()) {
            problems.addAll(WorkflowGraph.parse(file).check());
        }
        return problems;
    }

    private static Problem problem(String file, SAXParseException e) {
        // Xerces prefixes its messages with a code ("cvc-complex-type.2.4.a: "): keep the sentence.
        String m = e.getMessage() == null ? "invalid" : e.getMessage().replaceFirst("^[a-z-]+(\\.[0-9a-z.]+)?: ", "");
        return new Problem(file, Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber()), m);
    }

    private static InputStream withCoordinatorNamespace(Path file) throws IOException {
        String xml = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        return new java.io.ByteArrayInputStream(xml.replaceFirst("<datasets(\\s|>)",
                "<datasets xmlns=\"" + COORDINATOR_NS + "\"$1").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String rootNamespace(Path file, List<Problem> problems, String[] localName) throws IOException {
        String[] ns = new String[1];
        try (InputStream in = Files.newInputStream(file)) {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.newSAXParser().parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String q, Attributes a) throws SAXException {
                    ns[0] = uri;
                    localName[0] = local;
                    throw new SAXException("root found");
                }
            });
        } catch (SAXParseException e) {
            problems.add(problem(file.toString(), e));
            return null;
        } catch (SAXException e) {
            // stopped at the root element on purpose
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return ns[0];
    }
}
