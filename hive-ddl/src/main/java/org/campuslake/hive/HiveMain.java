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
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;

/**
 * Runs HiveQL locally through Spark SQL with Hive support, as Beeline would on HiveServer2:
 * {@code HiveMain (-f FILE ... | -e SQL) [--hivevar k=v ...] --metastore-port N --warehouse DIR}.
 * Result sets are printed as tables on stdout; the first failing statement stops the run with its file and line.
 */
public final class HiveMain extends Stage {
    public static void main(String[] args) {
        Stage.main(new HiveMain(), args);
    }

    @Override
    protected String name() {
        return "hive";
    }

    /** {@code -D key=value} pairs are session settings, as Beeline's {@code --hiveconf}. */
    @Override
    protected ExitCode execute(String[] args) throws StageFailure {
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
            throw StageFailure.usage(e.getMessage());
        }
        SparkSession spark = LocalSpark.session("campus-lake hive", metastorePort, warehouse);
        try {
            commandLine().forEach((k, v) -> spark.conf().set((String) k, (String) v));
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
                        throw StageFailure.failed(script.name() + ":" + st.line() + ": " + firstLine(e.getMessage()), e);
                    }
                }
            }
            return ExitCode.OK;
        } finally {
            spark.stop();
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "failed";
        }
        // Spark's parse errors start with a newline: "\n[PARSE_SYNTAX_ERROR] Syntax error at or near ...".
        for (String line : message.split("\r?\n")) {
            if (!line.trim().isEmpty()) {
                return line.trim();
            }
        }
        return "failed";
    }
}
