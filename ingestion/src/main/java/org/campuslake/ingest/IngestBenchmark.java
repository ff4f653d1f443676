package org.campuslake.ingest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;

/**
 * A benchmark, not a test: times this project's Sqoop import of a 1,000,000-row table against the server's own
 * {@code SELECT ... INTO OUTFILE} of the same rows, and the fixed cost of importing a 10-row table with and
 * without the cached record class. Needs an account with the FILE privilege (local mode: the admin account).
 *
 * <p>{@code IngestBenchmark --config FILE --admin-user U --admin-password-file F [--rows N] [--mappers M]}
 */
public final class IngestBenchmark {
    private static final String BENCH_CATALOG = "tables:\n"
            + "  attendances_1m:\n"
            + "    mode: full\n"
            + "    key: attendance_id\n"
            + "    mappers: MAPPERS\n"
            + "    columns:\n"
            + "      attendance_id: {type: bigint, min: 1}\n"
            + "      student_id:    {type: int, min: 1}\n"
            + "      lesson_id:     {type: bigint, min: 1}\n"
            + "      status:        {type: string, values: [present, absent, excused]}\n"
            + "      updated_at:    {type: timestamp}\n"
            + "  tiny:\n"
            + "    mode: full\n"
            + "    key: id\n"
            + "    mappers: 1\n"
            + "    columns:\n"
            + "      id:         {type: int}\n"
            + "      label:      {type: string}\n"
            + "      updated_at: {type: timestamp}\n";

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        IngestConfig base = IngestConfig.load(Paths.get(arg(args, "--config", null)));
        String adminUser = arg(args, "--admin-user", "root");
        String adminPasswordFile = arg(args, "--admin-password-file", null);
        long rows = Long.parseLong(arg(args, "--rows", "1000000"));
        String mappers = arg(args, "--mappers", "2");
        String password = SqoopImporter.readPassword(base.hadoop(), SqoopImporter.passwordFileUri(adminPasswordFile));
        java.nio.file.Path work = Files.createTempDirectory(base.workDir().getParent() == null
                ? Paths.get(System.getProperty("java.io.tmpdir")) : base.workDir().getParent(), "bench-");
        String url = base.jdbcUrl().replaceFirst("/erp\\?", "/bench?").replaceFirst("/erp$", "/bench");
        Properties p = new Properties();
        p.setProperty("user", adminUser);
        p.setProperty("password", password);
        System.out.printf(Locale.ROOT, "Preparing bench.attendances_1m (%,d rows) and bench.tiny (10 rows)...%n", rows);
        try (Connection c = DriverManager.getConnection(base.jdbcUrl(), p); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS bench");
            s.execute("DROP TABLE IF EXISTS bench.attendances_1m, bench.tiny");
            s.execute("CREATE TABLE bench.attendances_1m (attendance_id BIGINT NOT NULL PRIMARY KEY, student_id INT NOT NULL,"
                    + " lesson_id BIGINT NOT NULL, status VARCHAR(8) NOT NULL, updated_at TIMESTAMP NOT NULL)");
            String digits = "(SELECT 0 n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                    + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
            s.execute("INSERT INTO bench.attendances_1m SELECT id, 1 + id % 9973, 1 + id DIV 25,"
                    + " ELT(1 + id % 3, 'present', 'absent', 'excused'), TIMESTAMP('2026-01-01') + INTERVAL id SECOND FROM ("
                    + "SELECT 1 + a.n + 10*b.n + 100*c.n + 1000*d.n + 10000*e.n + 100000*f.n + 1000000*g.n AS id FROM "
                    + digits + " a, " + digits + " b, " + digits + " c, " + digits + " d, " + digits + " e, " + digits
                    + " f, " + digits + " g) x WHERE id <= " + rows);
            s.execute("CREATE TABLE bench.tiny (id INT NOT NULL PRIMARY KEY, label VARCHAR(20) NOT NULL, updated_at TIMESTAMP NOT NULL)");
            s.execute("INSERT INTO bench.tiny SELECT n + 1, CONCAT('row ', n), '2026-01-01 00:00:00' FROM " + digits + " d");
        }

        Properties cfg = new Properties();
        cfg.setProperty(IngestConfig.LOCAL_MODE, base.get(IngestConfig.LOCAL_MODE, "true"));
        cfg.setProperty(IngestConfig.MAX_MAPPERS, mappers);
        for (String k : System.getProperties().stringPropertyNames()) {
            if (k.startsWith("hadoop.conf.")) {
                cfg.setProperty(k, System.getProperty(k));
            }
        }
        cfg.setProperty(IngestConfig.LAKE_ROOT, work.resolve("lake").toUri().toString());
        cfg.setProperty(IngestConfig.JDBC_URL, url);
        cfg.setProperty(IngestConfig.SCHEMA, "bench");
        cfg.setProperty(IngestConfig.USER, adminUser);
        cfg.setProperty(IngestConfig.PASSWORD_FILE, adminPasswordFile);
        cfg.setProperty(IngestConfig.ORM_CACHE_DIR, work.resolve("orm").toString());
        cfg.setProperty(IngestConfig.WORK_DIR, work.resolve("work").toString());
        IngestConfig config = new IngestConfig(cfg);
        Catalog catalog = Catalog.parse(BENCH_CATALOG.replace("MAPPERS", mappers), "benchmark catalog");
        SqoopImporter importer = new SqoopImporter(config);
        LocalDate day = LocalDate.of(2026, 1, 1);

        TableSpec tiny = catalog.table("tiny");
        double cold = importer.importTable(tiny, day).seconds;
        double warm = 0;
        int runs = 5;
        for (int i = 0; i < runs; i++) {
            warm += importer.importTable(tiny, day).seconds;
        }
        warm /= runs;

        TableSpec big = catalog.table("attendances_1m");
        importer.importTable(big, day.minusDays(1)); // warm the record class cache and the buffer pool
        int rounds = 3;
        double[] importSeconds = new double[rounds];
        double[] outfileTimes = new double[rounds];
        long importedRows = 0;
        try (Connection c = DriverManager.getConnection(base.jdbcUrl(), p); Statement s = c.createStatement()) {
            for (int i = 0; i < rounds; i++) {
                ImportResult r = importer.importTable(big, day);
                importSeconds[i] = r.seconds;
                importedRows = r.rows;
                File outfile = work.resolve("outfile-" + i + ".txt").toFile();
                long t0 = System.nanoTime();
                s.execute("SELECT attendance_id, student_id, lesson_id, status, updated_at INTO OUTFILE '"
                        + outfile.getAbsolutePath() + "' FIELDS TERMINATED BY X'01' LINES TERMINATED BY '\\n'"
                        + " FROM bench.attendances_1m");
                outfileTimes[i] = (System.nanoTime() - t0) / 1e9;
                outfile.delete();
            }
            s.execute("DROP DATABASE bench");
        }
        java.util.Arrays.sort(importSeconds);
        java.util.Arrays.sort(outfileTimes);
        ImportResult imported = new ImportResult(big.name(), day, big.mode(), null, importedRows, null,
                importSeconds[rounds / 2], true);
        double outfileSeconds = outfileTimes[rounds / 2];
        double sqoopRate = imported.rows / imported.seconds;
        double outfileRate = rows / outfileSeconds;
        System.out.println();
        System.out.println("Ingestion benchmark (Hadoop local mode, " + config.maxMappers() + " mapper(s); medians of "
                + rounds + " runs)");
        System.out.printf(Locale.ROOT, "  Sqoop import, %,d rows            %6.2f s  %,10.0f rows/s%n", imported.rows,
                imported.seconds, sqoopRate);
        System.out.printf(Locale.ROOT, "  SELECT ... INTO OUTFILE, same rows  %6.2f s  %,10.0f rows/s%n", outfileSeconds, outfileRate);
        System.out.printf(Locale.ROOT, "  ratio import / INTO OUTFILE         %6.2f   (target >= 0.30)%n", sqoopRate / outfileRate);
        System.out.printf(Locale.ROOT, "  10-row table, record class generated  %5.2f s%n", cold);
        System.out.printf(Locale.ROOT, "  10-row table, record class cached     %5.2f s   (target <= 2 s; mean of %d)%n", warm, runs);
        deleteRecursively(work.toFile());
    }

    private static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (dflt == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return dflt;
    }

    private static void deleteRecursively(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteRecursively(c);
            }
        }
        f.delete();
    }
}
