package org.campuslake.oozie.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The official Oozie 5.2.1 schemas, from the {@code oozie-client} jar, compiled into one schema set: the workflow
 * schema's {@code xs:any} action bodies are then validated against their own action schema in the same pass.
 */
public final class OozieSchemas {
    /** Namespace to schema file, for every application and action type the project may use. */
    public static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("uri:oozie:workflow:1.0", "oozie-workflow-1.0.xsd");
        FILES.put("uri:oozie:sqoop-action:1.0", "sqoop-action-1.0.xsd");
        FILES.put("uri:oozie:hive2-action:1.0", "hive2-action-1.0.xsd");
        FILES.put("uri:oozie:spark-action:1.0", "spark-action-1.0.xsd");
        FILES.put("uri:oozie:shell-action:1.0", "shell-action-1.0.xsd");
        FILES.put("uri:oozie:email-action:0.2", "email-action-0.2.xsd");
        FILES.put("uri:oozie:coordinator:0.5", "oozie-coordinator-0.5.xsd");
        FILES.put("uri:oozie:bundle:0.2", "oozie-bundle-0.2.xsd");
        FILES.put("uri:oozie:sla:0.2", "oozie-sla-0.2.xsd");
    }

    private static Schema schema;

    private OozieSchemas() {}

    public static synchronized Schema schema() {
        if (schema == null) {
            try {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                f.setResourceResolver(new ClasspathResolver());
                List<Source> sources = new ArrayList<>();
                for (String file : FILES.values()) {
                    sources.add(new StreamSource(resource(file).openStream(), file));
                }
                schema = f.newSchema(sources.toArray(new Source[0]));
            } catch (IOException | SAXException e) {
                throw new IllegalStateException("cannot load the Oozie schemas from oozie-client: " + e.getMessage(), e);
            }
        }
        return schema;
    }

    static URL resource(String file) {
        URL url = OozieSchemas.class.getClassLoader().getResource(file);
        if (url == null) {
            throw new IllegalStateException("Oozie schema " + file + " is not on the classpath (oozie-client 5.2.1)");
        }
        return url;
    }

    /** Includes and imports between the schemas (oozie-common-1.0.xsd) resolve to the jar too. */
    private static final class ClasspathResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String ns, String publicId, String systemId, String base) {
            if (systemId == null) {
                return null;
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            URL url = OozieSchemas.class.getClassLoader().getResource(name);
            return url == null ? null : new Input(publicId, systemId, url);
        }
    }

    private record Input(String publicId, String systemId, URL url) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
