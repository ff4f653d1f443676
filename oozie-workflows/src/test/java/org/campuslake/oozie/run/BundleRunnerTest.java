package org.campuslake.oozie.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.campuslake.oozie.el.OozieTime;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runner on a small bundle (src/test/resources/runner) whose java actions are real JVMs: a producer
 * coordinator that publishes a daily dataset with a done flag, and a consumer coordinator that waits on it.
 */
class BundleRunnerTest {
    private static final ZonedDateTime SEP2 = ZonedDateTime.parse("2026-09-02T00:00Z");
    private static final ZonedDateTime SEP3 = ZonedDateTime.parse("2026-09-03T00:00Z");

    @TempDir
    Path home;

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private RunRecord run(String failDay, ZonedDateTime... times) throws Exception {
        return run(failDay, 2, times);
    }

    private RunRecord run(String failDay, int maxWorkflows, ZonedDateTime... times) throws Exception {
        Path apps = Paths.get(getClass().getResource("/runner").toURI());
        Map<String, String> props = new LinkedHashMap<>();
        props.put("appRoot", apps.toUri().toString().replaceAll("/$", ""));
        props.put("dataRoot", home.resolve("data").toUri().toString().replaceAll("/$", ""));
        props.put("failDay", failDay);
        LocalEnvironment.Launcher java = new LocalEnvironment.Launcher(null, System.getProperty("java.class.path"),
                List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"), List.of());
        LocalEnvironment env = new LocalEnvironment(home, Paths.get(System.getProperty("java.home"), "bin", "java"),
                Map.of("java", java), Map.of(), 2, 0, 4096);
        RunListener listener = new RunListener() {
            @Override public void workflow(String label, String status, String detail) {
                events.add(label + " " + status);
            }
            @Override public void action(String label, String action, String type, String status, String detail) {
                events.add(label + " " + action + " " + status);
            }
        };
        return new BundleRunner(env, props, listener, maxWorkflows).run(apps.resolve("bundle/bundle.xml"), List.of(times), "test");
    }

    private static RunRecord.CoordAction action(RunRecord r, String coord, ZonedDateTime t) {
        return r.actions.stream().filter(a -> a.coordinator.equals(coord) && a.nominalTime.equals(OozieTime.format(t)))
                .findFirst().orElseThrow();
    }

    private static RunRecord.Action node(RunRecord.CoordAction a, String name) {
        return a.nodes.stream().filter(n -> n.name.equals(name)).reduce((x, y) -> y).orElseThrow();
    }

    @Test
    void theFixturesAreValidOozieApplications() throws Exception {
        Path apps = Paths.get(getClass().getResource("/runner").toURI());
        for (String f : List.of("bundle/bundle.xml", "produce/coordinator.xml", "produce/workflow.xml",
                "consume/coordinator.xml", "consume/workflow.xml")) {
            assertThat(org.campuslake.oozie.validate.AppValidator.validate(apps.resolve(f))).as(f).isEmpty();
        }
    }

    @Test
    void consumersWaitForTheDoneFlagsOfTheirInputsAndEveryActionIsRecorded() throws Exception {
        RunRecord r = run("never", SEP2, SEP3);
        assertThat(r.status).isEqualTo("SUCCEEDED");
        assertThat(r.actions).hasSize(4).allSatisfy(a -> assertThat(a.status).isEqualTo("SUCCEEDED"));
        // The consumer is listed first in the bundle, yet each one ran after its day's producer ended.
        for (ZonedDateTime t : List.of(SEP2, SEP3)) {
            assertThat(action(r, "consume", t).started).isGreaterThanOrEqualTo(action(r, "produce", t).ended);
        }
        assertThat(home.resolve("data/day=2026-09-01/_READY")).exists();
        assertThat(home.resolve("data/day=2026-09-02/_READY")).exists();
        RunRecord.CoordAction produced = action(r, "produce", SEP3);
        assertThat(node(produced, "write-a").counters).containsEntry("rows.written", "7");
        assertThat(node(produced, "write-b").attempts).isEqualTo(2); // threw once (JA018, transient), retried
        assertThat(node(action(r, "consume", SEP3), "read").counters).containsEntry("rows.read", "7");
        // The history holds what the run returned.
        RunHistory history = new RunHistory(home);
        RunRecord saved = history.load(r.id);
        assertThat(saved.status).isEqualTo("SUCCEEDED");
        assertThat(saved.actions).hasSize(4);
        assertThat(events).contains("produce 2026-09-03T00:00Z write-b RETRY", "consume 2026-09-03T00:00Z SUCCEEDED");
    }

    @Test
    void aKilledProducerLeavesItsConsumerWaitingAndTheOtherDayRuns() throws Exception {
        RunRecord r = run("2026-09-01", SEP2, SEP3);
        assertThat(r.status).isEqualTo("FAILED");
        RunRecord.CoordAction killed = action(r, "produce", SEP2);
        assertThat(killed.status).isEqualTo("KILLED");
        assertThat(killed.error).isEqualTo("nothing written for 2026-09-01");
        RunRecord.CoordAction waiting = action(r, "consume", SEP2);
        assertThat(waiting.status).isEqualTo("TIMEDOUT");
        assertThat(waiting.error).contains("day=2026-09-01/_READY");
        assertThat(waiting.nodes).isEmpty();
        assertThat(action(r, "produce", SEP3).status).isEqualTo("SUCCEEDED");
        assertThat(action(r, "consume", SEP3).status).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailedActionNamesItsMainClassExitCodeAndLastLine() throws Exception {
        Files.createDirectories(home.resolve("data/day=2026-09-01"));
        Files.writeString(home.resolve("data/day=2026-09-01/_READY"), ""); // ready, but without the file 'a'
        // One workflow at a time: both are ready, same nominal time, so bundle order puts the consumer first.
        RunRecord r = run("never", 1, SEP2);
        RunRecord.CoordAction consumed = action(r, "consume", SEP2);
        assertThat(consumed.status).isEqualTo("KILLED");
        assertThat(consumed.error).startsWith("failed at [read] (2): Main class [org.campuslake.oozie.run.FixtureStep],"
                + " exit code [2]").contains("missing ");
        // retry-max="2", yet one attempt: Oozie retries transient error codes only, and a main's exit code is not one.
        assertThat(node(consumed, "read").attempts).isEqualTo(1);
        // The error path's FailureLine ran on the failed node; locally its error already ends with the main's line,
        // so the kill message gets nothing twice.
        RunRecord.Action explain = node(consumed, "explain-failure");
        assertThat(explain.status).isEqualTo("OK");
        assertThat(explain.log).isNotNull();
        assertThat(consumed.error).endsWith(node(consumed, "read").error);
    }
}
