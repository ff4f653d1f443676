package org.campuslake.oozie.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;

/**
 * Builds the deployable Oozie applications from {@code src/main/apps}: XML templates are expanded for every table
 * of the catalog (the blocks between {@code <!-- for each table -->} and {@code <!-- end for each -->}), other
 * files are copied, and the HiveQL scripts the hive2 actions run are added under {@code hql/}. Run by the build
 * ({@code process-classes}); the result is {@code target/apps}.
 */
public final class AppBuilder {
    private static final Pattern BLOCK = Pattern.compile(
            "([ \\t]*)<!-- for each table -->\\s*\\n(.*?)[ \\t]*<!-- end for each -->[ \\t]*\\n", Pattern.DOTALL);

    private AppBuilder() {}

    /** {@code AppBuilder SRC_APPS HQL_DIR OUT_DIR} */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: AppBuilder SRC_APPS HQL_DIR OUT_DIR");
        }
        List<Path> written = build(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Catalog.builtIn());
        System.out.println("Oozie applications: " + written.size() + " files in " + args[2]);
    }

    public static List<Path> build(Path src, Path hql, Path out, Catalog catalog) throws IOException {
        List<Path> written = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Path target = out.resolve(src.relativize(f).toString());
                Files.createDirectories(target.getParent());
                if (f.toString().endsWith(".xml")) {
                    Files.writeString(target, expand(Files.readString(f, StandardCharsets.UTF_8), catalog),
                            StandardCharsets.UTF_8);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
                written.add(target);
            }
        }
        try (Stream<Path> files = Files.list(hql)) {
            Files.createDirectories(out.resolve("hql"));
            for (Path f : files.filter(p -> p.toString().endsWith(".hql")).sorted().toList()) {
                Path target = out.resolve("hql").resolve(f.getFileName().toString());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                written.add(target);
            }
        }
        return written;
    }

    /** Every per-table block repeated for each table, in catalog order. */
    static String expand(String xml, Catalog catalog) {
        Matcher m = BLOCK.matcher(xml);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            StringBuilder copies = new StringBuilder();
            for (TableSpec t : catalog.tables()) {
                copies.append(fill(m.group(2), t));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(copies.toString()));
        }
        m.appendTail(sb);
        String result = sb.toString();
        if (result.contains("@table@")) {
            throw new IllegalStateException("@table@ outside a 'for each table' block");
        }
        return result;
    }

    private static String fill(String block, TableSpec t) {
        String indent = indentOf(block, "@format_args@");
        return block.replace("@table@", t.name())
                .replace("@split_by@", t.splitBy())
                .replace("@mappers@", Integer.toString(t.mappers()))
                .replace("@format_args@", formatArgs(t, indent));
    }

    /**
     * The landing format's Sqoop arguments, as the ingestion module's importer passes them: Avro with decimal
     * logical types, or text with \001 between fields, \N for NULL and Hive delimiters in values replaced.
     * Sqoop reads the escapes (\001, \n, \\N) itself, which keeps control characters out of the XML.
     */
    static List<String> formatArgs(TableSpec t) {
        if ("avro".equals(t.format())) {
            return List.of("-D", "sqoop.avro.logical_types.decimal.enable=true", "--as-avrodatafile");
        }
        return List.of("--as-textfile", "--fields-terminated-by", "\\001", "--lines-terminated-by", "\\n",
                "--null-string", "\\\\N", "--null-non-string", "\\\\N", "--hive-delims-replacement", " ");
    }

    private static String formatArgs(TableSpec t, String indent) {
        StringBuilder sb = new StringBuilder();
        for (String a : formatArgs(t)) {
            sb.append(sb.length() == 0 ? "" : "\n" + indent).append("<arg>").append(a).append("</arg>");
        }
        return sb.toString();
    }

    private static String indentOf(String block, String placeholder) {
        int i = block.indexOf(placeholder);
        if (i < 0) {
            return "";
        }
        int start = block.lastIndexOf('\n', i) + 1;
        return block.substring(start, i);
    }
}
