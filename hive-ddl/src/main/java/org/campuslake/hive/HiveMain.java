package org.campuslake.hive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs HiveQL locally through Spark SQL with Hive support, as Beeline would on HiveServer2:
 * {@code HiveMain (-f FILE ... | -e SQL) [--hivevar k=v ...] --metastore-port N --warehouse DIR}.
 * Result sets are printed as tables on stdout; the first failing statement stops the run with its file and line.
 */
public final class HiveMain {
    private HiveMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws IOException {
        List<HiveQlScript> scripts = new ArrayList<>();
        Map<String, String> vars = new LinkedHashMap<>();
        List<String[]> sources = new ArrayList<>();
        int metastorePort = 1527;
        Path warehouse = Path.of(System.getProperty("java.io.tmpdir"), "warehouse");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-f" -> {
                        Path f = Path.of(args[++i]);
                        sources.add(new String[] {f.toString(), Files.readString(f, StandardCharsets.UTF_8)});
                    }
                    case "-e" -> sources.add(new String[] {"-e", args[++i]});
                    case "--hivevar" -> {
                        String kv = args[++i];
                        int eq = kv.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("--hivevar takes NAME=VALUE, got '" + kv + "'");
                        }
                        vars.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    case "--metastore-port" -> metastorePort = Integer.parseInt(args[++i]);
                    case "--warehouse" -> warehouse = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("nothing to run: give -f FILE or -e SQL");
            }
            for (String[] s : sources) {
                scripts.add(HiveQlScript.parse(s[0], s[1], vars));
            }
        } catch (IllegalArgumentException | IOException e) {
            System.out.println("hive: " + e.getMessage());
            return 2;
        }
        SparkSession spark = LocalSpark.session("campus-lake hive", metastorePort, warehouse);
        try {
            for (HiveQlScript script : scripts) {
                for (HiveQlScript.Statement skipped : script.skipped()) {
                    System.err.println(script.name() + ":" + skipped.line() + ": skipped (Beeline only): " + skipped.sql());
                }
                for (HiveQlScript.Statement st : script.statements()) {
                    try {
                        Dataset<Row> result = spark.sql(st.sql());
                        if (result.schema().nonEmpty()) {
                            result.show(1000, false);
                        }
                    } catch (Exception e) {
                        System.out.println(script.name() + ":" + st.line() + ": " + firstLine(e.getMessage()));
                        return 1;
                    }
                }
            }
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "failed";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
