package org.campuslake.cli;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
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

    /** @param withQuestions also ask docs/analysts.md's questions on both sides (about 3 more minutes on 2 cores) */
    static int run(LakeContext ctx, boolean withQuestions) throws Exception {
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
        Map<String, String> keys = BeelineQuery.curatedKeys();
        // One statement for all tables: on HiveServer2 its branches are independent stages that run side by side
        // (hive.exec.parallel), where eleven statements would be eleven MapReduce jobs one after the other.
        List<String> branches = new ArrayList<>();
        keys.forEach((t, k) -> branches.add("SELECT '" + t + "' AS t, COUNT(*) AS n, COUNT(DISTINCT `" + k + "`) AS k,"
                + " SUM(crc32(CAST(`" + k + "` AS STRING))) AS c FROM curated." + t));
        String counts = String.join(" UNION ALL ", branches);
        // The analysts' questions of docs/analysts.md, each asked in a Beeline session of its own, as the analyst
        // account; everything on both sides at once (the cluster's jobs are mostly start-up time).
        List<String> questions = withQuestions ? analystQueries(StageJvm.repo().resolve("docs/analysts.md")) : List.of();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<List<String>>> jobs = new ArrayList<>();
        try {
            for (String url : List.of(localUrl, clusterUrl)) {
                jobs.add(pool.submit(() -> sorted(BeelineQuery.rows(url, "etl", counts))));
            }
            for (String q : questions) {
                for (String url : List.of(localUrl, clusterUrl)) {
                    jobs.add(pool.submit(() -> BeelineQuery.rows(url, "analyst", q)));
                }
            }
            for (java.util.concurrent.Future<List<String>> f : jobs) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        } finally {
            pool.shutdownNow();
        }
        List<String> a = jobs.get(0).get();
        List<String> b = jobs.get(1).get();
        ctx.out.println("Curated tables through Beeline, local (Spark SQL) vs cluster (HiveServer2 3.1.3):"
                + " table, rows, distinct keys, key checksum");
        for (int j = 0; j < Math.max(a.size(), b.size()); j++) {
            String x = j < a.size() ? a.get(j) : "(none)";
            String y = j < b.size() ? b.get(j) : "(none)";
            boolean eq = x.equals(y);
            same &= eq;
            ctx.out.println("  " + x.replace('\t', ' ') + (eq ? "  same" : "  vs cluster: " + y.replace('\t', ' ')));
        }
        List<List<String>> qa = new ArrayList<>();
        List<List<String>> qb = new ArrayList<>();
        for (int j = 0; j < questions.size(); j++) {
            qa.add(jobs.get(2 + 2 * j).get());
            qb.add(jobs.get(3 + 2 * j).get());
        }
        if (withQuestions) {
            ctx.out.println("The analysts' questions of docs/analysts.md through Beeline, local vs cluster:");
        }
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

    private static List<String> sorted(List<String> rows) {
        List<String> out = new ArrayList<>(rows);
        java.util.Collections.sort(out);
        return out;
    }
}
