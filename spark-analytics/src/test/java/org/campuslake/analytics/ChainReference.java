package org.campuslake.analytics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The chain benchmark's reference (not a test): the simplest thing that gives the same KPIs without Hadoop. Every
 * ERP table leaves MySQL with {@code SELECT * INTO OUTFILE} (the server's own fastest export), DuckDB loads the
 * files, builds the curated relations (the pseudonymous keys included, with the same salt) and computes the KPIs
 * with {@link DuckDbKpis}.
 *
 * <p>{@code ChainReference JDBC_URL ADMIN_USER ADMIN_PASSWORD_FILE SALT_FILE WORK_DIR DATE RESULT_FILE}; prints the
 * timings and writes {@code reference.seconds=S} to RESULT_FILE.
 */
public final class ChainReference {
    private static final String[] TABLES = {"campuses", "companies", "students", "events", "audiences",
        "apprenticeships", "lessons", "attendances", "grades"};

    private ChainReference() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip());
        String salt = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8).strip();
        Path work = Path.of(args[4]).toAbsolutePath();
        LocalDate d = LocalDate.parse(args[5]);
        deleteTree(work);
        Files.createDirectories(work);
        // The server writes the files: they must not exist, and the folder must be writable by it (same machine).
        work.toFile().setWritable(true, false);

        long t0 = System.nanoTime();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url, p); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                List<String> cols = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE"
                        + " table_schema = 'erp' AND table_name = '" + t + "' ORDER BY ordinal_position")) {
                    while (rs.next()) {
                        cols.add(rs.getString(1));
                    }
                }
                columns.put(t, cols);
                s.execute("SELECT * INTO OUTFILE '" + work.resolve(t + ".tsv")
                        + "' FIELDS TERMINATED BY '\\t' ESCAPED BY '' LINES TERMINATED BY '\\n' FROM erp." + t);
                try (var lines = Files.lines(work.resolve(t + ".tsv"))) {
                    rows += lines.count();
                }
            }
        }
        double export = seconds(t0);

        long t1 = System.nanoTime();
        Class.forName("org.duckdb.DuckDBDriver");
        Map<String, Integer> kpis;
        double load;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
            for (Map.Entry<String, List<String>> e : columns.entrySet()) {
                st.execute("CREATE TABLE raw_" + e.getKey() + " AS SELECT * FROM read_csv('" + work.resolve(e.getKey() + ".tsv")
                        + "', delim = '\t', header = false, nullstr = 'NULL', quote = '', escape = '', names = ["
                        + "'" + String.join("', '", e.getValue()) + "'])");
            }
            load = seconds(t1);
            String key = "sha256(concat('" + salt.replace("'", "''") + "', ':%s:', CAST(%s AS VARCHAR)))";
            String student = String.format(key, "student", "student_id");
            // The curated layer of 110_curated_build.hql, on an export that holds one version of each row.
            st.execute("CREATE VIEW campuses AS SELECT * FROM raw_campuses");
            st.execute("CREATE VIEW companies AS SELECT * FROM raw_companies");
            st.execute("CREATE VIEW events AS SELECT * FROM raw_events");
            st.execute("CREATE TABLE students AS SELECT " + student + " AS student_key, s.join_date, s.left_date,"
                    + " s.campus_id, c.region, s.promotion, s.institution_of_origin, s.status"
                    + " FROM raw_students s LEFT JOIN raw_campuses c ON c.campus_id = s.campus_id");
            st.execute("CREATE TABLE contacts AS SELECT " + String.format(key, "contact", "audience_id") + " AS contact_key,"
                    + " event_id, CASE WHEN student_id IS NULL THEN NULL ELSE " + student + " END AS student_key"
                    + " FROM raw_audiences");
            st.execute("CREATE TABLE apprenticeships AS SELECT " + student + " AS student_key, company_id, start_date,"
                    + " end_date, contract_type FROM raw_apprenticeships");
            st.execute("CREATE TABLE attendances AS SELECT " + String.format(key, "student", "a.student_id")
                    + " AS student_key, CAST(l.starts_at AS DATE) AS lesson_date, a.status"
                    + " FROM raw_attendances a JOIN raw_lessons l ON l.lesson_id = a.lesson_id");
            st.execute("CREATE TABLE grades AS SELECT " + student + " AS student_key, graded_on, grade FROM raw_grades");
            kpis = DuckDbKpis.compute(st, d, 5, 10);
        }
        double compute = seconds(t1) - load;
        double total = seconds(t0);
        deleteTree(work);

        System.out.printf(Locale.ROOT, "Reference for %s: %,d ERP rows%n", d, rows);
        System.out.printf(Locale.ROOT, "  SELECT * INTO OUTFILE, %d tables     %7.2f s%n", TABLES.length, export);
        System.out.printf(Locale.ROOT, "  DuckDB load (read_csv)              %7.2f s%n", load);
        System.out.printf(Locale.ROOT, "  DuckDB curated + KPIs               %7.2f s  (%d KPI tables, %,d rows)%n", compute,
                kpis.size(), kpis.values().stream().mapToLong(Integer::longValue).sum());
        System.out.printf(Locale.ROOT, "  total                               %7.2f s%n", total);
        Files.writeString(Path.of(args[6]), String.format(Locale.ROOT, "reference.seconds=%.3f%n", total));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
