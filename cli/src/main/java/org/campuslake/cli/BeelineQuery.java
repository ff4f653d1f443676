package org.campuslake.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Statements asked through Beeline (its own JVM, as an analyst would), for the commands that compare lakes. */
final class BeelineQuery {
    private BeelineQuery() {}

    /** Each curated table and its key (first) column, from the script that creates them. */
    static Map<String, String> curatedKeys() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        String ddl = Files.readString(StageJvm.repo().resolve("oozie-workflows/target/apps/hql/100_curated_tables.hql"));
        Matcher m = Pattern.compile("CREATE (?:EXTERNAL )?TABLE IF NOT EXISTS curated\\.(\\w+)\\s*\\(\\s*(\\w+)").matcher(ddl);
        while (m.find()) {
            keys.put(m.group(1), m.group(2));
        }
        return keys;
    }

    private static final String MARK = "@@campus-lake-result ";

    /**
     * Several statements in one Beeline session, one after the other (sessions opened side by side on the local Spark
     * Thrift Server race to set up their metastore client). @return each name's rows, as {@link #rows}
     */
    static Map<String, List<String>> results(String url, String user, Map<String, String> statements)
            throws IOException, InterruptedException {
        java.nio.file.Path script = Files.createTempFile("campus-lake-beeline", ".sql");
        try {
            StringBuilder sql = new StringBuilder();
            statements.forEach((name, statement) -> sql.append("SELECT '").append(MARK).append(name).append("';\n")
                    .append(statement).append(";\n"));
            Files.writeString(script, sql);
            Map<String, List<String>> out = new LinkedHashMap<>();
            List<String> current = null;
            for (String row : run(url, user, List.of("-f", script.toString()), "the script " + statements.keySet())) {
                if (row.startsWith(MARK)) {
                    current = out.computeIfAbsent(row.substring(MARK.length()), k -> new ArrayList<>());
                } else if (current != null) {
                    current.add(row);
                }
            }
            if (!out.keySet().equals(statements.keySet())) {
                throw new IOException("Beeline on " + url + " answered " + out.keySet() + " of " + statements.keySet());
            }
            return out;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** Rows of the statement's result, tab-separated, no header (Beeline's tsv2 output). */
    static List<String> rows(String url, String user, String statement) throws IOException, InterruptedException {
        return run(url, user, List.of("-e", statement), statement);
    }

    private static List<String> run(String url, String user, List<String> input, String statement)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-u", url, "-n", user, "--silent=true", "--showHeader=false",
                "--outputformat=tsv2"));
        args.addAll(List.of("--hiveconf", "hive.exec.parallel=true"));
        args.addAll(input);
        Process p = new ProcessBuilder(StageJvm.command("beeline", "org.apache.hive.beeline.BeeLine",
                List.of("-Xmx256m"), args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("Beeline on " + url + " failed (exit code " + p.exitValue() + ") on: " + statement);
        }
        List<String> rows = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                rows.add(l.strip());
            }
        }
        return rows;
    }
}
