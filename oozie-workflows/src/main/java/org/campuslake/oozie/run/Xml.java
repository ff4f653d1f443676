package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Small DOM helpers for reading Oozie application XML (namespace-aware, by local name). */
final class Xml {
    private Xml() {}

    static Element read(Path file) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        List<Element> c = children(parent, localName);
        return c.isEmpty() ? null : c.get(0);
    }

    static String childText(Element parent, String localName) {
        Element c = child(parent, localName);
        return c == null ? null : c.getTextContent().trim();
    }

    static List<String> childTexts(Element parent, String localName) {
        List<String> out = new ArrayList<>();
        for (Element e : children(parent, localName)) {
            out.add(e.getTextContent().trim());
        }
        return out;
    }
}
