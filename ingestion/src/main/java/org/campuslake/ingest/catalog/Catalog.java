package org.campuslake.ingest.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The ERP tables the lake imports, in catalog order. Load it with {@link #load} or {@link #builtIn}. */
public final class Catalog implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String BUILT_IN = "catalog/erp-tables.yaml";

    private final List<TableSpec> tables;
    private String yaml;

    public Catalog(List<TableSpec> tables) {
        this.tables = Collections.unmodifiableList(new ArrayList<TableSpec>(tables));
    }

    /** The catalog's text, for jobs that carry it in their configuration. */
    public String yaml() {
        return yaml;
    }

    public static Catalog parse(String yaml, String name) {
        Catalog c = CatalogParser.parse(new java.io.StringReader(yaml), name);
        c.yaml = yaml;
        return c;
    }

    public List<TableSpec> tables() {
        return tables;
    }

    public TableSpec table(String name) {
        for (TableSpec t : tables) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new CatalogException("unknown table '" + name + "': the catalog has " + names());
    }

    public List<String> names() {
        List<String> out = new ArrayList<String>();
        for (TableSpec t : tables) {
            out.add(t.name());
        }
        return out;
    }

    /** The catalog shipped in this module's jar. */
    public static Catalog builtIn() {
        InputStream in = Catalog.class.getClassLoader().getResourceAsStream(BUILT_IN);
        if (in == null) {
            throw new CatalogException("the built-in catalog " + BUILT_IN + " is missing from the classpath");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(readAll(r), BUILT_IN);
        } catch (IOException e) {
            throw new CatalogException("cannot read " + BUILT_IN + ": " + e.getMessage());
        }
    }

    private static String readAll(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) > 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    public static Catalog load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(readAll(r), file.toString());
        } catch (IOException e) {
            throw new CatalogException("cannot read the catalog " + file + ": " + e.getMessage());
        }
    }
}
