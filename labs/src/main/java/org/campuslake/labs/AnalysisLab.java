package org.campuslake.labs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lab 8, analysis and BI: the student asks one of the analysts' questions as their own Hive view (the dropout rate
 * of each campus, over curated) and gets the figures the KPI job published to the summary database, which the
 * dashboard and Power BI show.
 */
public final class AnalysisLab extends DatabaseLab {
    static final String DB = "lab08";
    static final String VIEW = DB + ".dropouts_by_campus";
    static final List<String> COLUMNS = List.of("campus_id", "students", "dropouts", "dropout_rate");
    static final String SUMMARY = "SELECT `Campus Key`, `Students`, `Dropouts`, `Dropout Rate` FROM"
            + " summary.bi_dropouts_by_campus ORDER BY `Campus Key`";

    public AnalysisLab() {
        super(8, "analysis-and-bi", "Analysis and BI", 45,
                Set.of(Need.SERVICES, Need.SEEDED_ERP, Need.ONE_DAY_RUN), DB, 3);
    }

    @Override
    public List<Finding> check(LabLake lake) throws Exception {
        List<Finding> out = new ArrayList<>();
        if (!databaseExists(lake, out)) {
            return out;
        }
        if (!LabHive.tables(lake, DB).contains("dropouts_by_campus")) {
            out.add(Finding.missing(VIEW + " exists", "Create it (step 3): CREATE VIEW " + VIEW + " AS SELECT campus_id,"
                    + " ... FROM curated.students GROUP BY campus_id"));
            return out;
        }
        out.add(Finding.ok(VIEW + " exists"));
        HiveTable mine = LabHive.describe(lake, VIEW);
        out.add("VIEW".equals(mine.type()) ? Finding.ok(VIEW + " is a view")
                : Finding.missing(VIEW + " is a view", "It is a " + mine.type() + " table: a copy, which goes stale at"
                + " the next run. Drop it and CREATE VIEW: a view is the question, asked again at each read"));
        List<String> columns = new ArrayList<>(mine.columns().keySet());
        if (!columns.equals(COLUMNS)) {
            out.add(Finding.missing(VIEW + " has the columns " + COLUMNS, "It has " + columns + ": name each one with AS,"
                    + " in this order (an unnamed expression gets a different name on Hive and on Spark)"));
            return out;
        }
        out.add(Finding.ok(VIEW + " has the columns " + COLUMNS));

        Map<String, List<String>> r = lake.hive(Map.of("mine", "SELECT " + String.join(", ", COLUMNS) + " FROM " + VIEW
                + " ORDER BY campus_id"));
        Map<Long, double[]> yours = figures(r.get("mine"));
        Map<Long, double[]> published = figures(lake.summary(SUMMARY));
        if (published.isEmpty()) {
            out.add(Finding.missing(VIEW + " gives the published dropout rates", "The summary database has no published"
                    + " snapshot: run a date first (./lake lab start 8)"));
            return out;
        }
        if (!yours.keySet().equals(published.keySet())) {
            out.add(Finding.missing(VIEW + " has one row per campus", "Yours has the campuses " + yours.keySet()
                    + ", the summary " + published.keySet() + ": one row per campus_id of curated.students (GROUP BY)"));
            return out;
        }
        out.add(Finding.ok(VIEW + " has one row per campus (" + published.size() + ")"));
        List<String> counts = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        published.forEach((campus, p) -> {
            double[] y = yours.get(campus);
            if (y[0] != p[0] || y[1] != p[1]) {
                counts.add("campus " + campus + ": " + fmt(y[0]) + " students, " + fmt(y[1]) + " dropouts (published: "
                        + fmt(p[0]) + ", " + fmt(p[1]) + ")");
            } else if (!(Math.abs(y[2] - p[2]) < 1e-9)) { // the published rate has 4 places: so must yours
                rates.add("campus " + campus + ": " + y[2] + " (published: " + p[2] + ")");
            }
        });
        out.add(counts.isEmpty() ? Finding.ok("students and dropouts per campus are the published ones")
                : Finding.missing("students and dropouts per campus are the published ones", String.join("; ", counts)
                + ". The KPI counts every student of curated.students, and as dropouts those whose status is"
                + " 'dropped_out' (spark-analytics' Dropouts.java)"));
        out.add(counts.isEmpty() && rates.isEmpty() ? Finding.ok("the dropout rates are the published ones")
                : Finding.missing("the dropout rates are the published ones", rates.isEmpty() ? "Fix the counts first"
                : String.join("; ", rates) + ": dropouts / students, rounded to 4 decimal places (ROUND(x, 4))"));
        return out;
    }

    /** campus to (students, dropouts, rate), from rows of those four tab-separated values. */
    private static Map<Long, double[]> figures(List<String> rows) {
        Map<Long, double[]> out = new TreeMap<>();
        for (String row : rows) {
            String[] f = row.split("\t");
            double[] v = new double[3];
            for (int i = 0; i < 3; i++) {
                v[i] = f.length > i + 1 && !f[i + 1].strip().equals("NULL") ? Double.parseDouble(f[i + 1].strip()) : Double.NaN;
            }
            out.put(Long.parseLong(f[0].strip()), v);
        }
        return out;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
