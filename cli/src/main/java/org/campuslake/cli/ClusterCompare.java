package org.campuslake.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.ServicesState;
import org.campuslake.seed.SummaryDiff;

/**
 * Local mode against the cluster on this machine, after the same seed, dates and salt: the summary databases row
 * for row (apart from published_at), and the curated tables read through Beeline on each side's HiveServer2 (the
 * local Spark Thrift Server, the cluster's Hive 3.1.3): rows and a checksum of each table's key column.
 */
final class ClusterCompare {
    private ClusterCompare() {}

    static int run(LakeContext ctx) throws Exception {
        ClusterEnv env = ClusterEnv.load(ctx);
        boolean same = true;
        ctx.out.println("Summary database, local vs cluster (rows; every column but published_at):");
        try (Connection local = ctx.localDatabase(null).connect(EmbeddedMariaDb.ETL_USER, "summary");
             Connection cluster = env.connect("summary")) {
            List<SummaryDiff.Table> tables = SummaryDiff.compare(local, cluster, "summary");
            ctx.out.print(SummaryDiff.report(tables));
            same &= tables.stream().allMatch(SummaryDiff.Table::same);
        }
        ServicesState services = ctx.services.running().orElseThrow();
        String localUrl = ThriftService.jdbcUrl(new ThriftService(ctx).ensureRunning(services));
        String clusterUrl = env.hiveJdbcUrl();
        // Each curated table and its key (first) column, from the script that creates them.
        Map<String, String> keys = new LinkedHashMap<>();
        String ddl = java.nio.file.Files.readString(
                StageJvm.repo().resolve("oozie-workflows/target/apps/hql/100_curated_tables.hql"));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("CREATE (?:EXTERNAL )?TABLE IF NOT EXISTS curated\\.(\\w+)\\s*\\(\\s*(\\w+)").matcher(ddl);
        while (m.find()) {
            keys.put(m.group(1), m.group(2));
        }
        List<String> queries = new ArrayList<>();
        keys.forEach((t, k) -> queries.add("SELECT '" + t + "', COUNT(*), COUNT(DISTINCT `" + k + "`), SUM(crc32(CAST(`"
                + k + "` AS STRING))) FROM curated." + t));
        List<String> a = beeline(localUrl, queries);
        List<String> b = beeline(clusterUrl, queries);
        ctx.out.println("Curated tables through Beeline, local (Spark SQL) vs cluster (HiveServer2 3.1.3):"
                + " table, rows, distinct keys, key checksum");
        for (int j = 0; j < Math.max(a.size(), b.size()); j++) {
            String x = j < a.size() ? a.get(j) : "(none)";
            String y = j < b.size() ? b.get(j) : "(none)";
            boolean eq = x.equals(y);
            same &= eq;
            ctx.out.println("  " + x.replace('\t', ' ') + (eq ? "  same" : "  vs cluster: " + y.replace('\t', ' ')));
        }
        // The analysts' questions of docs/analysts.md, asked through Beeline as the analyst account: same answers.
        List<String> questions = analystQueries(StageJvm.repo().resolve("docs/analysts.md"));
        List<List<String>> qa = answers(localUrl, questions);
        List<List<String>> qb = answers(clusterUrl, questions);
        ctx.out.println("The analysts' questions of docs/analysts.md through Beeline, local vs cluster:");
        for (int j = 0; j < questions.size(); j++) {
            boolean eq = qa.get(j).equals(qb.get(j)) && !qa.get(j).isEmpty();
            same &= eq;
            ctx.out.println("  question " + (j + 1) + ": " + qa.get(j).size() + " rows locally, " + qb.get(j).size()
                    + " on the cluster" + (eq ? ", same" : qa.get(j).isEmpty() ? ", NO ANSWER" : ", DIFFERENT"));
            if (!eq) {
                ctx.out.println("    local:   " + String.join(" | ", qa.get(j)).replace('\t', ' '));
                ctx.out.println("    cluster: " + String.join(" | ", qb.get(j)).replace('\t', ' '));
            }
        }
        ctx.out.println(same ? "Local mode and the cluster agree." : "Local mode and the cluster DIFFER (above).");
        return same ? 0 : 1;
    }

    /** The {@code sql} blocks of a Markdown page, without their final semicolon. */
    static List<String> analystQueries(java.nio.file.Path page) throws IOException {
        List<String> queries = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?s)```sql\n(.*?)```")
                .matcher(java.nio.file.Files.readString(page));
        while (m.find()) {
            queries.add(m.group(1).strip().replaceFirst(";$", ""));
        }
        return queries;
    }

    /** Each query's rows, in one Beeline session as the analyst account: a marker row ends each answer. */
    private static List<List<String>> answers(String url, List<String> queries) throws IOException, InterruptedException {
        List<String> statements = new ArrayList<>();
        for (int j = 0; j < queries.size(); j++) {
            statements.add(queries.get(j));
            statements.add("SELECT 'end of answer " + j + "'");
        }
        List<List<String>> answers = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (String row : beeline(url, "analyst", statements)) {
            if (row.startsWith("end of answer ")) {
                answers.add(rows);
                rows = new ArrayList<>();
            } else {
                rows.add(row);
            }
        }
        return answers;
    }

    private static List<String> beeline(String url, List<String> statements) throws IOException, InterruptedException {
        return beeline(url, "etl", statements);
    }

    /** Rows of the statements' results, tab-separated, no header (Beeline's tsv2 output). */
    private static List<String> beeline(String url, String user, List<String> statements)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-u", url, "-n", user, "--silent=true", "--showHeader=false",
                "--outputformat=tsv2"));
        for (String s : statements) {
            args.addAll(List.of("-e", s));
        }
        Process p = new ProcessBuilder(StageJvm.command("beeline", "org.apache.hive.beeline.BeeLine",
                List.of("-Xmx512m"), args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("Beeline on " + url + " failed (exit code " + p.exitValue() + ") on: " + statements);
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
