package org.campuslake.ingest;

import java.util.ArrayList;
import java.util.List;
import org.campuslake.ingest.catalog.TableSpec;

/**
 * The Sqoop 1.4.7 command line for one table and window, derived from the catalog. Text landing: \001 between
 * fields, \N for NULL, newlines and \001 inside values replaced by a space. Avro landing: Avro data files with
 * DECIMAL as a decimal logical type.
 */
final class SqoopArguments {
    static final String FIELD_DELIMITER = "\001";
    static final String NULL = "\\\\N";
    static final String TEXT_SIGNATURE = "text|\\001|\\N|hive-delims-replacement";
    static final String AVRO_SIGNATURE = "avro|decimal-logical-types";

    static String formatSignature(String format) {
        return "avro".equals(format) ? AVRO_SIGNATURE : TEXT_SIGNATURE;
    }

    private SqoopArguments() {}

    static List<String> importArgs(String jdbcUrl, String user, String passwordFileUri, TableSpec spec, List<String> columns,
                                   ImportWindow window, String targetDir, int mappers, String jobName,
                                   String outDir, String bindDir, String cachedJar) {
        List<String> a = new ArrayList<String>();
        a.add("import");
        // Generic Hadoop options go right after the tool name.
        a.add("-D");
        a.add("mapreduce.job.name=" + jobName);
        boolean avro = "avro".equals(spec.format());
        if (avro) {
            // DECIMAL columns as Avro decimals (bytes + scale), not as strings.
            a.add("-D");
            a.add("sqoop.avro.logical_types.decimal.enable=true");
        }
        a.add("--connect");
        a.add(jdbcUrl);
        a.add("--username");
        a.add(user);
        a.add("--password-file");
        a.add(passwordFileUri);
        a.add("--table");
        a.add(spec.name());
        a.add("--columns");
        a.add(String.join(",", columns));
        if (window.where != null) {
            a.add("--where");
            a.add(window.where);
        }
        a.add("--target-dir");
        a.add(targetDir);
        if (avro) {
            a.add("--as-avrodatafile");
        } else {
            a.add("--as-textfile");
            a.add("--fields-terminated-by");
            a.add(FIELD_DELIMITER);
            a.add("--lines-terminated-by");
            a.add("\n");
            a.add("--null-string");
            a.add(NULL);
            a.add("--null-non-string");
            a.add(NULL);
            a.add("--hive-delims-replacement");
            a.add(" ");
        }
        a.add("--num-mappers");
        a.add(Integer.toString(mappers));
        a.add("--split-by");
        a.add(spec.splitBy());
        a.add("--outdir");
        a.add(outDir);
        a.add("--class-name");
        a.add(OrmClassCache.className(spec.name()));
        if (cachedJar != null) {
            a.add("--jar-file");
            a.add(cachedJar);
        } else {
            a.add("--bindir");
            a.add(bindDir);
        }
        return a;
    }
}
