package org.campuslake.oozie.el;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Oozie's expressions through the real EL engine, with worked examples. */
class EvaluatorTest {
    private static final ElScope PROPS = ElScope.of(Map.of(
            "nameNode", "hdfs://master:8020",
            "lakeRoot", "${nameNode}/lake",
            "appPath", "${lakeRoot}/apps",
            "loopA", "${loopB}",
            "loopB", "${loopA}",
            "retries", "3"));

    private static String eval(String text, ElScope scope) {
        return Evaluator.evaluate(text, scope);
    }

    @Test
    void propertiesConstantsAndArithmetic() {
        assertThat(eval("plain text", PROPS)).isEqualTo("plain text");
        // Properties refer to properties: appPath -> lakeRoot -> nameNode.
        assertThat(eval("${appPath}/ingest", PROPS)).isEqualTo("hdfs://master:8020/lake/apps/ingest");
        assertThat(eval("${60 * MINUTES}", PROPS)).isEqualTo("60");
        assertThat(eval("${2 * HOURS}", PROPS)).isEqualTo("120");
        assertThat(eval("${retries + 1}", PROPS)).isEqualTo("4");
        assertThat(Evaluator.evaluate("${retries gt 2}", PROPS, Boolean.class)).isTrue();
    }

    @Test
    void unknownNamesAreErrorsThatNameThem() {
        assertThatThrownBy(() -> eval("${nameNod}/x", PROPS)).hasMessageContaining("unknown variable 'nameNod'");
        assertThatThrownBy(() -> eval("${wf:nope()}", PROPS)).hasMessageContaining("wf:nope");
        assertThatThrownBy(() -> eval("${coord:current(0)}", PROPS)).hasMessageContaining("only available in a data-in");
        assertThatThrownBy(() -> eval("${loopA}", PROPS)).hasMessageContaining("refers to itself");
    }

    @Test
    void coordinatorTimeFunctions() {
        ElScope s = PROPS.withNominalTime(ZonedDateTime.parse("2026-09-03T00:00Z"));
        assertThat(eval("${coord:nominalTime()}", s)).isEqualTo("2026-09-03T00:00Z");
        assertThat(eval("${coord:days(1)}", s)).isEqualTo("1440");
        assertThat(eval("${coord:hours(6)}", s)).isEqualTo("360");
        assertThat(eval("${coord:formatTime(coord:nominalTime(), 'yyyy-MM-dd')}", s)).isEqualTo("2026-09-03");
        // The day before, across a month boundary: 3 Sept - 3 days = 31 Aug.
        assertThat(eval("${coord:dateOffset(coord:nominalTime(), -3, 'DAY')}", s)).isEqualTo("2026-08-31T00:00Z");
        assertThat(eval("${coord:dateOffset('2026-01-31T00:00Z', 1, 'MONTH')}", s)).isEqualTo("2026-02-28T00:00Z");
        assertThat(eval("${coord:formatTime(coord:dateOffset(coord:nominalTime(), 6, 'HOUR'), 'HH:mm')}", s))
                .isEqualTo("06:00");
        assertThatThrownBy(() -> eval("${coord:dateOffset(coord:nominalTime(), 1, 'WEEK')}", s))
                .hasMessageContaining("unknown time unit 'WEEK'");
    }

    @Test
    void currentInstancesOfADailyDataset() {
        Dataset raw = new Dataset("raw-grades", 1440, ZonedDateTime.parse("2020-01-01T00:00Z"),
                "${lakeRoot}/raw/erp/grades/ingest_date=${YEAR}-${MONTH}-${DAY}", "_SUCCESS");
        // Nominal time 3 Sept 2026 06:00: the daily instance at or before it is 3 Sept 00:00; -1 is 2 Sept.
        ElScope s = PROPS.withNominalTime(ZonedDateTime.parse("2026-09-03T06:00Z")).withDataset(raw);
        assertThat(eval("${coord:current(0)}", s)).isEqualTo("2026-09-03T00:00Z");
        assertThat(eval("${coord:current(-1)}", s)).isEqualTo("2026-09-02T00:00Z");
        assertThat(raw.uri(raw.instance(ZonedDateTime.parse("2026-09-03T06:00Z"), -1)))
                .isEqualTo("${lakeRoot}/raw/erp/grades/ingest_date=2026-09-02");
        assertThat(eval(raw.uri(raw.instance(ZonedDateTime.parse("2026-09-03T06:00Z"), 0)), s))
                .isEqualTo("hdfs://master:8020/lake/raw/erp/grades/ingest_date=2026-09-03");
        assertThatThrownBy(() -> raw.instance(ZonedDateTime.parse("2019-12-31T00:00Z"), 0))
                .hasMessageContaining("before dataset raw-grades's initial instance");
    }

    @Test
    void dataInAndDataOutListTheResolvedInstances() {
        ElScope s = PROPS.withEvents(Map.of("grades", List.of("/lake/raw/erp/grades/ingest_date=2026-09-02",
                "/lake/raw/erp/grades/ingest_date=2026-09-03")), Map.of("summary", List.of("/lake/summary/2026-09-03")));
        assertThat(eval("${coord:dataIn('grades')}", s))
                .isEqualTo("/lake/raw/erp/grades/ingest_date=2026-09-02,/lake/raw/erp/grades/ingest_date=2026-09-03");
        assertThat(eval("${coord:dataOut('summary')}", s)).isEqualTo("/lake/summary/2026-09-03");
        assertThatThrownBy(() -> eval("${coord:dataIn('nope')}", s)).hasMessageContaining("no data-in event named 'nope'");
    }

    @Test
    void workflowFunctions() {
        ElScope s = PROPS.withWorkflow(new ElScope.Workflow() {
            public String id() { return "0000001-local-W"; }
            public String name() { return "campus-lake-ingest"; }
            public String appPath() { return "/apps/ingest"; }
            public String user() { return "etl"; }
            public String lastErrorNode() { return "import-grades"; }
            public String errorCode(String node) { return "JA018"; }
            public String errorMessage(String node) { return "Sqoop import of erp.grades failed"; }
            public Map<String, String> actionData(String node) {
                return node.equals("plan") ? Map.of("grades.where", "updated_at > '2026-09-02 23:30:00'") : null;
            }
        });
        assertThat(eval("${wf:actionData('plan')['grades.where']}", s)).isEqualTo("updated_at > '2026-09-02 23:30:00'");
        assertThat(eval("failed at [${wf:lastErrorNode()}]: ${wf:errorMessage(wf:lastErrorNode())}", s))
                .isEqualTo("failed at [import-grades]: Sqoop import of erp.grades failed");
        assertThat(eval("${wf:conf('retries')}", s)).isEqualTo("3");
        assertThat(eval("${wf:conf('undefined')}", s)).isEmpty();
        assertThat(Evaluator.evaluate("${wf:actionData('plan')['grades.where'] ne ''}", s, Boolean.class)).isTrue();
        assertThatThrownBy(() -> eval("${wf:actionData('validate')['x']}", s))
                .hasMessageContaining("node 'validate' has not run");
    }

    @Test
    void fileSystemFunctions() {
        ElScope s = PROPS.withFileChecks(new ElScope.FileChecks() {
            public boolean exists(String path) { return path.endsWith("_SUCCESS"); }
            public boolean isDir(String path) { return path.endsWith("/"); }
            public long fileSize(String path) { return 42; }
        });
        assertThat(Evaluator.evaluate("${fs:exists(concat(lakeRoot, '/raw/_SUCCESS'))}", s, Boolean.class)).isTrue();
        assertThat(Evaluator.evaluate("${fs:exists('/raw/x')}", s, Boolean.class)).isFalse();
        assertThat(eval("${fs:fileSize('/x') * 2}", s)).isEqualTo("84");
    }
}
