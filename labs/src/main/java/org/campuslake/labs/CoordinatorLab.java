package org.campuslake.labs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.campuslake.oozie.run.RunRecord;

/**
 * Lab 7, coordinators and datasets: the lake is two days behind the ERP, and on the second of them a batch of grades
 * arrives on a 0-1000 scale. The student backfills both days in one run: the first goes through, the second's ingest
 * stops on its reject ratio, so no raw partition of that day gets its done flag and the analytics action, whose input
 * events are those flags, never runs on a partial day. Then the operator's decision (accept the rejects, or correct
 * the ERP) and a rerun of the day, which publishes it with nothing lost.
 */
public final class CoordinatorLab extends SheetLab {
    static final String DIR = "lab07";
    /** The lab's two days, one a line (lab start writes them: the two after the newest published snapshot). */
    static final String DAYS = DIR + "/days";
    static final String STARTED = DIR + "/started";
    /** The incident's grade ids, one a line: what must be found again once the day went through. */
    static final String INCIDENT = DIR + "/incident";
    /** When the incident's grades were changed, on the lab's second day. */
    static final String INCIDENT_TIME = " 16:00:00";
    /** Grades of the incident beyond that day's other changes: the day's reject ratio is then above one half. */
    static final int MARGIN = 10;
    static final int GRADE_ID = 0;

    public CoordinatorLab() {
        super(7, "coordinators-and-datasets", "Coordinators and datasets", 60,
                Set.of(Need.SERVICES, Need.SEEDED_ERP, Need.ONE_DAY_RUN));
    }

    @Override
    public String notOnCluster() {
        return "its start lives the ERP two days ahead (lake erp advance), which the cluster's ERP does not offer yet;"
                + " the sheet gives the same experiment with the oozie CLI on the cluster, without a self-check";
    }

    @Override
    public void reset(LabLake lake) throws Exception {
        List<String> newest = lake.summary("SELECT MAX(snapshot_date) FROM snapshot");
        if (newest.isEmpty() || newest.get(0).equals("NULL")) {
            throw new IllegalStateException("the lake has published no date yet: run ./lake lab start 7");
        }
        LocalDate first = LocalDate.parse(newest.get(0)).plusDays(1);
        // Started again before the second day went through: the same days (the next ones would start on the incident).
        List<String> days = lake.files(DIR).getOrDefault("days", List.of());
        if (days.size() == 2 && lake.summary("SELECT snapshot_date FROM snapshot WHERE snapshot_date = '"
                + days.get(1).strip() + "'").isEmpty() && !LocalDate.parse(days.get(0).strip()).isAfter(first)) {
            first = LocalDate.parse(days.get(0).strip());
        }
        LocalDate second = first.plusDays(1);
        lake.erpAdvance(second.toString());
        // The incident, once per day: grades last changed before it, so the incident is their newest version.
        String at = second + INCIDENT_TIME;
        long done = count(lake, "updated_at = '" + at + "' AND grade > 100");
        long others = count(lake, "updated_at >= '" + second + "' AND updated_at < '" + second.plusDays(1) + "'") - done;
        long wanted = others + MARGIN;
        if (done < wanted) {
            lake.erpUpdate("UPDATE grades SET grade = grade * 10, updated_at = '" + at + "' WHERE grade > 10"
                    + " AND grade < 100 AND graded_on <= '" + second + "' AND updated_at < '" + second + "'"
                    + " ORDER BY grade_id LIMIT " + (wanted - done));
        }
        lake.write(INCIDENT, String.join("\n", lake.erp("SELECT grade_id FROM grades WHERE updated_at = '" + at
                + "' AND grade > 100 ORDER BY grade_id")) + "\n");
        lake.write(DAYS, first + "\n" + second + "\n");
        lake.write(STARTED, Long.toString(System.currentTimeMillis()));
    }

    private static long count(LabLake lake, String where) throws Exception {
        return Long.parseLong(lake.erp("SELECT COUNT(*) FROM grades WHERE " + where).get(0));
    }

    /** The nominal time of a coordinator action that processes a data date (D is processed at D+1 00:00 UTC). */
    static String nominal(LocalDate date) {
        return date.plusDays(1) + "T00:00Z";
    }

    @Override
    public List<Finding> check(LabLake lake) throws Exception {
        Map<String, List<String>> lab = lake.files(DIR);
        List<String> days = lab.getOrDefault("days", List.of());
        if (days.size() != 2) {
            return List.of(Finding.missing("the lab is started", "Its days are not set: ./lake lab start 7"));
        }
        LocalDate first = LocalDate.parse(days.get(0).strip());
        LocalDate second = LocalDate.parse(days.get(1).strip());
        long started = Long.parseLong(lab.getOrDefault("started", List.of("0")).get(0).strip());
        List<RunRecord> runs = lake.runsSince(started);
        List<String> published = lake.summary("SELECT snapshot_date FROM snapshot WHERE snapshot_date IN ('" + first
                + "', '" + second + "')");
        List<Finding> out = new ArrayList<>();
        // The first backfill in which the first day went through (an interrupted one may come before it), else the newest.
        List<RunRecord> backfills = runs.stream()
                .filter(r -> action(r, "ingest", first).isPresent() && action(r, "ingest", second).isPresent()).toList();
        Optional<RunRecord> backfill = backfills.stream().filter(r -> succeeded(r, "ingest", first)
                && succeeded(r, "analytics", first)).findFirst()
                .or(() -> backfills.isEmpty() ? Optional.empty() : Optional.of(backfills.get(backfills.size() - 1)));
        out.add(backfill(backfill, first, second, published));
        out.add(missingDay(backfill, second));
        out.add(recovered(lake, lab, runs, backfill, second, published));
        return out;
    }

    private static Finding backfill(Optional<RunRecord> run, LocalDate first, LocalDate second, List<String> published) {
        String what = "one run backfilled " + first + " and " + second + ", in date order, and published " + first;
        if (run.isEmpty()) {
            return Finding.missing(what, "No run since the lab started holds both days: ./lake run --from " + first
                    + " --to " + second + " (step 3; a run per date is not a backfill)");
        }
        RunRecord r = run.get();
        RunRecord.CoordAction i1 = action(r, "ingest", first).orElseThrow();
        RunRecord.CoordAction i2 = action(r, "ingest", second).orElseThrow();
        Optional<RunRecord.CoordAction> a1 = action(r, "analytics", first);
        if (!i1.status.equals("SUCCEEDED") || a1.isEmpty() || !a1.get().status.equals("SUCCEEDED")) {
            return Finding.missing(what, "In run " + r.id + " " + first + " did not go through (ingest " + i1.status
                    + ", analytics " + a1.map(a -> a.status).orElse("not materialised") + "): ./lake runs " + r.id
                    + " says why");
        }
        if (i2.started != null && i1.started != null && Instant.parse(i2.started).isBefore(Instant.parse(i1.started))) {
            return Finding.missing(what, "In run " + r.id + " the ingest of " + second + " started before that of "
                    + first + ": the ingest coordinator's execution is FIFO, one at a time (its <controls>)");
        }
        if (!published.contains(first.toString())) {
            return Finding.missing(what, "The summary has no snapshot " + first + " (./lake runs " + r.id + ")");
        }
        return Finding.ok(what + " (run " + r.id + ")");
    }

    private static Finding missingDay(Optional<RunRecord> run, LocalDate second) {
        String what = "in that run, the analytics of " + second + " waited for its input events and did not run on a"
                + " partial day";
        if (run.isEmpty()) {
            return Finding.missing(what, "Run the backfill first (step 3)");
        }
        RunRecord r = run.get();
        RunRecord.CoordAction ingest = action(r, "ingest", second).orElseThrow();
        Optional<RunRecord.CoordAction> analytics = action(r, "analytics", second);
        if (ingest.status.equals("SUCCEEDED")) {
            return Finding.missing(what, "In run " + r.id + " the ingest of " + second + " went through (with"
                    + " --accept-rejects?), so no input was missing: ./lake lab start 7 starts the lab over on the"
                    + " next two days; run the backfill without --accept-rejects");
        }
        if (analytics.isEmpty() || analytics.get().status.equals("SUCCEEDED") || analytics.get().missingInputs.isEmpty()) {
            return Finding.missing(what, "In run " + r.id + " the analytics of " + second + " is "
                    + analytics.map(a -> a.status + " with no missing input on record").orElse("not there")
                    + ": ./lake runs " + r.id);
        }
        return Finding.ok(what + " (" + analytics.get().status + ", " + analytics.get().missingInputs.size()
                + " done flag(s) missing)");
    }

    private static Finding recovered(LabLake lake, Map<String, List<String>> lab, List<RunRecord> runs, Optional<RunRecord> backfill, LocalDate second,
                                     List<String> published) throws Exception {
        String what = second + " went through once its rejects were dealt with: published, and the incident's grades"
                + " all in its quarantine or its raw partition (nothing lost)";
        boolean rerun = runs.stream().filter(r -> backfill.isEmpty() || !r.id.equals(backfill.get().id))
                .anyMatch(r -> action(r, "analytics", second).map(a -> a.status.equals("SUCCEEDED")).orElse(false));
        if (!rerun || !published.contains(second.toString())) {
            return Finding.missing(what, "The summary has " + (published.contains(second.toString()) ? "" : "no ")
                    + "snapshot " + second + (rerun ? "" : " from a run after the backfill") + ": read the day's"
                    + " rejects (step 4), decide, and rerun the day: ./lake run --date " + second + " --accept-rejects"
                    + " (step 5)");
        }
        Set<String> incident = new TreeSet<>(lab.getOrDefault("incident", List.of()));
        incident.removeIf(String::isBlank);
        Set<String> found = new TreeSet<>();
        for (String line : LabLake.lines(lake.lakeFiles("quarantine/erp/grades/ingest_date=" + second))) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                found.add(parts[2].split("\u0001", -1)[GRADE_ID]);
            }
        }
        for (String line : LabLake.lines(lake.lakeFiles("raw/erp/grades/ingest_date=" + second))) {
            found.add(line.split("\u0001", -1)[GRADE_ID]);
        }
        Set<String> lost = new TreeSet<>(incident);
        lost.removeAll(found);
        if (!lost.isEmpty()) {
            return Finding.missing(what, lost.size() + " of the incident's " + incident.size() + " grades are in"
                    + " neither (grade_id " + String.join(", ", lost.stream().limit(5).toList()) + (lost.size() > 5
                    ? ", ..." : "") + "): a correction in the ERP must keep them in " + second + "'s window (their"
                    + " updated_at), or the rerun does not see them");
        }
        return Finding.ok(what + " (" + incident.size() + " grades)");
    }

    private static boolean succeeded(RunRecord r, String coordinator, LocalDate date) {
        return action(r, coordinator, date).map(a -> a.status.equals("SUCCEEDED")).orElse(false);
    }

    private static Optional<RunRecord.CoordAction> action(RunRecord r, String coordinator, LocalDate date) {
        return r.actions.stream().filter(a -> a.coordinator != null && a.coordinator.contains(coordinator)
                && nominal(date).equals(a.nominalTime)).findFirst();
    }
}
