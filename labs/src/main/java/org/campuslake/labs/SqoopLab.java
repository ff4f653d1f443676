package org.campuslake.labs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lab 1, Sqoop full and incremental imports: the student imports ERP tables by hand with the Sqoop command line,
 * into folders of their home ({@code lab01/...}), and saves an incremental import as a Sqoop job. The check reads
 * those folders and the job's metastore entry, and compares them with the ERP.
 */
public final class SqoopLab extends SheetLab {
    static final String DIR = "lab01";
    static final String JOB = "lab01_lessons";
    /** The lesson the student's incremental imports start after (the sheet's --last-value). */
    static final long LAST_LESSON = 6500;
    /** The stamp the lastmodified import starts after (the sheet's --last-value). */
    static final String SINCE = "2026-06-01 00:00:00";
    static final int STUDENT_COLUMNS = 14;
    static final int PERSONAL_EMAIL = 4;
    static final int LEFT_DATE = 8;
    static final int GRADE_UPDATED_AT = 6;

    public SqoopLab() {
        super(1, "sqoop-imports", "Sqoop full and incremental imports", 60,
                Set.of(Need.SERVICES, Need.SEEDED_ERP));
    }

    @Override
    public String notOnCluster() {
        return "its edge has no Sqoop command line (Sqoop runs inside Oozie's launchers there). On the Vagrant VMs,"
                + " sqoop is on every login shell's PATH: the sheet gives those commands, and the self-check reads the"
                + " local lake only";
    }

    @Override
    public void reset(LabLake lake) throws Exception {
        lake.delete(DIR);
        lake.deleteSqoopJob(JOB);
    }

    @Override
    public List<Finding> check(LabLake lake) throws Exception {
        List<Finding> out = new ArrayList<>();
        out.add(campuses(lake));
        out.add(students(lake));
        out.add(lessons(lake));
        out.addAll(job(lake));
        out.add(grades(lake));
        return out;
    }

    private static Finding campuses(LabLake lake) throws Exception {
        String what = DIR + "/campuses holds a full import of erp.campuses";
        List<String> rows = lines(lake, DIR + "/campuses");
        if (rows.isEmpty()) {
            return Finding.missing(what, "Import it (step 2): ./lake sqoop import --table campuses --target-dir "
                    + DIR + "/campuses -m 1");
        }
        Set<String> erp = new TreeSet<>(lake.erp("SELECT campus_id FROM campuses"));
        Set<String> mine = new TreeSet<>();
        for (String r : rows) {
            mine.add(r.split("[,\u0001]", -1)[0]);
        }
        return mine.equals(erp) && rows.size() == erp.size() ? Finding.ok(what)
                : Finding.missing(what, "It has " + rows.size() + " rows and the ERP " + erp.size() + " campuses: delete"
                + " the folder (rm -r .lake/home/" + DIR + "/campuses) and import the whole table again");
    }

    private static Finding students(LabLake lake) throws Exception {
        String what = DIR + "/students is in the raw zone's text format: \\001 between fields, \\N for NULL";
        List<String> rows = lines(lake, DIR + "/students");
        if (rows.isEmpty()) {
            return Finding.missing(what, "Import erp.students into " + DIR + "/students (step 3), with the field"
                    + " separator and the NULL text that Hive's text tables read");
        }
        List<String> counts = lake.erp("SELECT COUNT(*), COUNT(*) - COUNT(personal_email) FROM students");
        String[] c = counts.get(0).split("\t");
        long students = Long.parseLong(c[0]);
        long noEmail = Long.parseLong(c[1]);
        long nulls = 0;
        long nullWords = 0;
        long nullDates = 0;
        for (String r : rows) {
            String[] f = r.split("\u0001", -1);
            if (f.length != STUDENT_COLUMNS) {
                return Finding.missing(what, "A row has " + f.length + " field(s) when split on \\001 (erp.students has "
                        + STUDENT_COLUMNS + " columns): import again with --fields-terminated-by '\\001' into an empty"
                        + " folder (rm -r .lake/home/" + DIR + "/students first)");
            }
            nulls += f[PERSONAL_EMAIL].equals("\\N") ? 1 : 0;
            nullWords += f[PERSONAL_EMAIL].equals("null") ? 1 : 0;
            nullDates += f[LEFT_DATE].equals("null") ? 1 : 0;
        }
        if (nullWords > 0) {
            return Finding.missing(what, nullWords + " personal e-mail(s) are the word 'null', which Hive reads as a"
                    + " string: add --null-string '\\\\N' and import again");
        }
        if (nullDates > 0) {
            return Finding.missing(what, nullDates + " leaving date(s) are the word 'null' (a column that is not a"
                    + " string): add --null-non-string '\\\\N' and import again");
        }
        if (rows.size() != students || nulls != noEmail) {
            return Finding.missing(what, "It has " + rows.size() + " rows, " + nulls + " of them without a personal"
                    + " e-mail, and the ERP " + students + " students, " + noEmail + " without: import the whole table"
                    + " again into an empty folder");
        }
        return Finding.ok(what);
    }

    private static Finding lessons(LabLake lake) throws Exception {
        String what = DIR + "/lessons holds each lesson after lesson " + LAST_LESSON + " once (--incremental append)";
        List<String> rows = lines(lake, DIR + "/lessons");
        if (rows.isEmpty()) {
            return Finding.missing(what, "Import them (step 4): --incremental append --check-column lesson_id"
                    + " --last-value " + LAST_LESSON + " into " + DIR + "/lessons");
        }
        List<Long> ids = firstFields(rows);
        if (ids.stream().anyMatch(i -> i <= LAST_LESSON)) {
            return Finding.missing(what, ids.stream().filter(i -> i <= LAST_LESSON).count() + " lesson(s) are not after "
                    + LAST_LESSON + ": the first import's --last-value is " + LAST_LESSON + " (delete the folder and"
                    + " start step 4 again)");
        }
        String twice = duplicates(ids);
        if (twice != null) {
            return Finding.missing(what, twice + ": the second run must start after the last value the first one"
                    + " printed (delete the folder and start step 4 again)");
        }
        long max = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        long erp = Long.parseLong(lake.erp("SELECT COUNT(*) FROM lessons WHERE lesson_id > " + LAST_LESSON
                + " AND lesson_id <= " + max).get(0));
        return erp == ids.size() ? Finding.ok(what) : Finding.missing(what, "The ERP has " + erp + " lessons in ("
                + LAST_LESSON + ", " + max + "] and the folder " + ids.size() + ": delete it and start step 4 again");
    }

    private static List<Finding> job(LabLake lake) throws Exception {
        List<Finding> out = new ArrayList<>();
        String what = "the saved job " + JOB + " imports erp.lessons incrementally on lesson_id";
        Map<String, String> job = lake.sqoopJob(JOB);
        if (job.isEmpty()) {
            out.add(Finding.missing(what, "Create it (step 5): ./lake sqoop job --create " + JOB + " -- import --table"
                    + " lessons ..."));
            return out;
        }
        if (!"lessons".equals(job.get("db.table")) || !"AppendRows".equals(job.get("incremental.mode"))
                || !"lesson_id".equalsIgnoreCase(job.get("incremental.col"))) {
            out.add(Finding.missing(what, "It imports table " + job.get("db.table") + ", mode " + job.get("incremental.mode")
                    + ", on " + job.get("incremental.col") + ": delete it (./lake sqoop job --delete " + JOB + ") and"
                    + " create it again with --table lessons --incremental append --check-column lesson_id"));
            return out;
        }
        out.add(Finding.ok(what));
        String secret = "the saved job keeps no password";
        out.add(job.containsKey("db.password") ? Finding.missing(secret, "It stores the password itself: delete it and"
                + " create it again without --password (the lake adds --password-file, which only names the file)")
                : Finding.ok(secret));

        String ran = JOB + " has run, and its last value is the newest lesson it imported";
        String dir = job.getOrDefault("hdfs.target.dir", "");
        List<String> rows = lines(lake, dir);
        if (rows.isEmpty()) {
            out.add(Finding.missing(ran, "Run it (step 5): ./lake sqoop job --exec " + JOB));
            return out;
        }
        List<Long> ids = firstFields(rows);
        String twice = duplicates(ids);
        long max = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
        String last = job.get("incremental.last.value");
        if (twice != null) {
            out.add(Finding.missing(ran, twice + " in " + dir + ": a run started before the job's last value"));
        } else if (!String.valueOf(max).equals(last)) {
            out.add(Finding.missing(ran, "Its last value is " + last + " and the newest lesson in " + dir + " is " + max
                    + ": run it with --exec, which records the new last value (a plain import does not)"));
        } else {
            out.add(Finding.ok(ran));
        }
        return out;
    }

    private static Finding grades(LabLake lake) throws Exception {
        String what = DIR + "/grades holds each grade changed after " + SINCE + " once (--incremental lastmodified)";
        List<String> rows = lines(lake, DIR + "/grades");
        if (rows.isEmpty()) {
            return Finding.missing(what, "Import them (step 6): --incremental lastmodified --check-column updated_at"
                    + " --last-value '" + SINCE + "' --merge-key grade_id into " + DIR + "/grades");
        }
        List<Long> ids = firstFields(rows);
        String twice = duplicates(ids);
        if (twice != null) {
            return Finding.missing(what, twice + ": a second lastmodified run into the folder needs --merge-key"
                    + " grade_id, which keeps the newest row of each key (--append adds them again)");
        }
        String newest = null;
        for (String r : rows) {
            String[] f = r.split("[,\u0001]", -1);
            String stamp = f.length > GRADE_UPDATED_AT ? f[GRADE_UPDATED_AT] : "";
            if (stamp.compareTo(SINCE) <= 0) {
                return Finding.missing(what, "Grade " + f[0] + " changed at '" + stamp + "', not after " + SINCE
                        + ": import with --last-value '" + SINCE + "' into an empty folder");
            }
            newest = newest == null || stamp.compareTo(newest) > 0 ? stamp : newest;
        }
        Set<Long> erp = new HashSet<>();
        for (String id : lake.erp("SELECT grade_id FROM grades WHERE updated_at > '" + SINCE + "' AND updated_at <= '"
                + newest.replace("'", "") + "'")) {
            erp.add(Long.parseLong(id));
        }
        return erp.equals(new HashSet<>(ids)) ? Finding.ok(what) : Finding.missing(what, "The ERP changed " + erp.size()
                + " grades after " + SINCE + " up to the newest stamp in the folder, and it holds " + ids.size()
                + ": delete it and import again");
    }

    private static List<String> lines(LabLake lake, String dir) throws Exception {
        return dir.isEmpty() ? List.of() : LabLake.lines(lake.files(dir));
    }

    private static List<Long> firstFields(List<String> rows) {
        List<Long> out = new ArrayList<>();
        for (String r : rows) {
            String first = r.split("[,\u0001]", -1)[0];
            try {
                out.add(Long.parseLong(first));
            } catch (NumberFormatException e) {
                throw new IllegalStateException("a row does not start with a key (" + first + "): import with the"
                        + " table's columns in their order");
            }
        }
        return out;
    }

    /** "3 keys come twice (first: 6512)", or null. */
    private static String duplicates(List<Long> ids) {
        Set<Long> seen = new HashSet<>();
        long twice = 0;
        Long first = null;
        for (Long i : ids) {
            if (!seen.add(i)) {
                twice++;
                first = first == null ? i : first;
            }
        }
        return twice == 0 ? null : twice + " key(s) come twice (the first: " + first + ")";
    }
}
