package org.campuslake.labs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.CatalogException;
import org.campuslake.ingest.catalog.ColumnContract;

/**
 * Lab 3, MapReduce validation: the ERP records three grades as a "retake", an assessment the tables' contract does
 * not allow, and the validation job quarantines them. The school decides a retake is an assessment: the student
 * changes the rule in a copy of the contract, reruns the date's import and validation with it (the three grades
 * leave the quarantine for raw, nothing lost), reads the job's counters, and writes an MRUnit test of the new rule.
 */
public final class ValidationLab extends SheetLab {
    static final String DIR = "lab03";
    /** The student's copy of the contract, under their home (lab start writes it). */
    static final String CONTRACT = DIR + "/erp-tables.yaml";
    /** When the lab was started: a test report older than this is from an earlier try. */
    static final String STARTED = DIR + "/started";
    static final String RETAKE = "retake";
    static final int RETAKES = 3;
    static final int ASSESSMENT = 5;
    static final Path REPORTS = Path.of("ingestion", "target", "surefire-reports");
    static final Path TESTS = Path.of("ingestion", "src", "test", "java");
    private static final Pattern SUITE = Pattern.compile("<testsuite[^>]*\\bname=\"([^\"]+)\"[^>]*>");

    public ValidationLab() {
        super(3, "mapreduce-validation", "MapReduce validation", 60,
                Set.of(Need.SERVICES, Need.SEEDED_ERP, Need.ONE_DAY_RUN));
    }

    @Override
    public String notOnCluster() {
        return "its check reads a copy of the contract and a test report on this machine, and lake import runs the"
                + " validation job in Hadoop's local mode; on a cluster the same job runs on YARN from the ingest"
                + " workflow (the sheet says how to read its counters there)";
    }

    /** The lake's first published date, the one this lab reruns. */
    static String date(LabLake lake) throws Exception {
        List<String> d = lake.summary("SELECT MIN(snapshot_date) FROM snapshot");
        if (d.isEmpty() || d.get(0).equals("NULL")) {
            throw new IllegalStateException("the lake has published no date yet: run ./lake lab start 3");
        }
        return d.get(0);
    }

    @Override
    public void reset(LabLake lake) throws Exception {
        String d = date(lake);
        // The incident, once: three exam grades of the ERP become retakes on the lab's date (ids kept, so the
        // ERP's simulation of later days goes on as before).
        long retakes = Long.parseLong(lake.erp("SELECT COUNT(*) FROM grades WHERE assessment = '" + RETAKE + "'").get(0));
        if (retakes < RETAKES) {
            // Grades last changed before that moment: the retake is their newest version.
            lake.erpUpdate("UPDATE grades SET assessment = '" + RETAKE + "', updated_at = '" + d + " 17:00:00'"
                    + " WHERE assessment = 'exam' AND graded_on <= '" + d + "' AND updated_at <= '" + d + " 17:00:00'"
                    + " ORDER BY grade_id LIMIT " + (RETAKES - retakes));
        }
        lake.write(CONTRACT, Catalog.builtIn().yaml());
        lake.write(STARTED, Long.toString(System.currentTimeMillis()));
        // The date as the project's contract validates it: the retakes in quarantine, whatever an earlier try did.
        lake.reimport("grades", d);
    }

    @Override
    public List<Finding> check(LabLake lake) throws Exception {
        List<Finding> out = new ArrayList<>();
        String d = date(lake);
        Map<String, List<String>> lab = lake.files(DIR); // the copy of the contract and the start's time
        out.add(contract(lab));
        List<String> raw = LabLake.lines(lake.lakeFiles("raw/erp/grades/ingest_date=" + d));
        List<String> quarantined = LabLake.lines(lake.lakeFiles("quarantine/erp/grades/ingest_date=" + d));
        long inRaw = raw.stream().filter(ValidationLab::isRetake).count();
        long inQuarantine = quarantined.stream().filter(l -> l.contains("\u0001" + RETAKE + "\u0001")).count();
        String moved = "the " + RETAKES + " retakes of " + d + " are in raw, none left in quarantine";
        if (inRaw == RETAKES && inQuarantine == 0) {
            out.add(Finding.ok(moved));
        } else {
            out.add(Finding.missing(moved, "raw.grades of " + d + " holds " + inRaw + " and its quarantine "
                    + inQuarantine + ": rerun the date's import with your contract (step 4): ./lake import --date "
                    + d + " --table grades --catalog .lake/home/" + CONTRACT));
        }
        out.add(counters(lake, d, inRaw == RETAKES));
        out.add(test(lake, lab));
        return out;
    }

    private static Finding contract(Map<String, List<String>> lab) {
        String what = "your contract (.lake/home/" + CONTRACT + ") allows a retake, and still nothing else new";
        List<String> file = lab.get("erp-tables.yaml");
        if (file == null) {
            return Finding.missing(what, "It is not there: ./lake lab start 3 writes it");
        }
        ColumnContract assessment;
        try {
            assessment = Catalog.parse(String.join("\n", file) + "\n", ".lake/home/" + CONTRACT).table("grades")
                    .column("assessment");
        } catch (CatalogException e) {
            return Finding.missing(what, "It does not read: " + e.getMessage());
        }
        if (assessment == null) {
            return Finding.missing(what, "grades has no column assessment any more: ./lake lab start 3 writes the"
                    + " project's contract again");
        }
        // The project's values and a retake (the project's own may have it already: going further).
        Set<String> expected = new java.util.TreeSet<>(Catalog.builtIn().table("grades").column("assessment").values());
        expected.add(RETAKE);
        List<String> values = assessment.values();
        if (!values.contains(RETAKE)) {
            return Finding.missing(what, "grades.assessment allows " + values + ": add " + RETAKE + " to its values"
                    + " (step 3)");
        }
        if (!new java.util.TreeSet<>(values).equals(expected)) {
            return Finding.missing(what, "grades.assessment allows " + values + ", and the lab " + expected + ": add "
                    + RETAKE + " and change nothing else");
        }
        return Finding.ok(what);
    }

    private static Finding counters(LabLake lake, String d, boolean rerun) throws Exception {
        String what = "the validation of " + d + " counted no reject (its counters, state/validation/)";
        List<String> state = lake.lakeFiles("state/validation/erp/grades").get("ingest_date=" + d + ".properties");
        if (state == null) {
            return Finding.missing(what, "No validation of grades for " + d + " on record: run step 4");
        }
        String rejected = state.stream().filter(l -> l.startsWith("rejected=")).findFirst().orElse("rejected=?");
        return rejected.equals("rejected=0") && rerun ? Finding.ok(what) : Finding.missing(what, "The last validation"
                + " of grades for " + d + " says " + rejected + ": rerun it with your contract (step 4)");
    }

    private static Finding test(LabLake lake, Map<String, List<String>> lab) throws Exception {
        String what = "an MRUnit test of the new rule ran and passed since the lab started";
        Path tests = lake.project().resolve(TESTS);
        List<Path> mine = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith("Test.java"))::iterator) {
                String src = Files.readString(f);
                if (src.contains("org.apache.hadoop.mrunit") && src.contains(RETAKE)) {
                    mine.add(f);
                }
            }
        }
        if (mine.isEmpty()) {
            return Finding.missing(what, "No test class under " + TESTS + " uses MRUnit and a " + RETAKE + ": write"
                    + " one from the sheet's skeleton (step 5)");
        }
        long started = Long.parseLong(lab.getOrDefault("started", List.of("0")).get(0).strip());
        List<String> notes = new ArrayList<>();
        for (Path src : mine) {
            String name = TESTS.relativize(lake.project().relativize(src)).toString().replace('/', '.')
                    .replaceAll("\\.java$", "");
            Path report = lake.project().resolve(REPORTS).resolve("TEST-" + name + ".xml");
            if (!Files.isRegularFile(report) || Files.getLastModifiedTime(report).toMillis() < started) {
                notes.add(name + " has not run since the lab started (mvn -q -pl ingestion -am test -Dtest="
                        + name.substring(name.lastIndexOf('.') + 1) + " -Dsurefire.failIfNoSpecifiedTests=false)");
                continue;
            }
            Map<String, Long> counts = counts(Files.readString(report));
            if (counts.get("tests") - counts.get("skipped") <= 0) {
                notes.add(name + " ran no test (a skipped one does not count)");
            } else if (counts.get("failures") + counts.get("errors") > 0) {
                notes.add(name + ": " + counts.get("failures") + " failure(s), " + counts.get("errors") + " error(s),"
                        + " in " + REPORTS.resolve("TEST-" + name + ".xml"));
            } else {
                return Finding.ok(what + " (" + name + ", " + (counts.get("tests") - counts.get("skipped")) + " test(s))");
            }
        }
        return Finding.missing(what, String.join("; ", notes));
    }

    /** A surefire report's counts: tests, failures, errors, skipped. */
    static Map<String, Long> counts(String xml) {
        Matcher m = SUITE.matcher(xml);
        if (!m.find()) {
            return Map.of("tests", 0L, "failures", 0L, "errors", 0L, "skipped", 0L);
        }
        String tag = m.group();
        return Map.of("tests", attribute(tag, "tests"), "failures", attribute(tag, "failures"),
                "errors", attribute(tag, "errors"), "skipped", attribute(tag, "skipped"));
    }

    private static long attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(tag);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static boolean isRetake(String rawLine) {
        String[] f = rawLine.split("\u0001", -1);
        return f.length > ASSESSMENT && f[ASSESSMENT].equals(RETAKE);
    }
}
