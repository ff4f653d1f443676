package org.campuslake.oozie.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hive2 action's Beeline command line, as Oozie's Hive2Main builds it, and its failure as the action's error. */
class Hive2ActionExecutorTest {
    @TempDir
    Path home;

    private String run(String script, Path argsFile) throws Exception {
        Path app = home.resolve("app");
        Files.createDirectories(app.resolve("hql"));
        Files.writeString(app.resolve("hql").resolve(script), "SELECT 1;\n");
        Files.writeString(app.resolve("workflow.xml"), """
                <workflow-app xmlns="uri:oozie:workflow:1.0" name="hive2-wf">
                  <start to="build"/>
                  <action name="build">
                    <hive2 xmlns="uri:oozie:hive2-action:1.0">
                      <jdbc-url>${hiveJdbcUrl}</jdbc-url>
                      <script>${appRoot}/hql/%s</script>
                      <param>ingest_date=${day}</param>
                      <param>lake_root=/lake</param>
                      <argument>--silent=true</argument>
                    </hive2>
                    <ok to="end"/>
                    <error to="fail"/>
                  </action>
                  <kill name="fail">
                    <message>${wf:errorMessage(wf:lastErrorNode())}</message>
                  </kill>
                  <end name="end"/>
                </workflow-app>
                """.formatted(script));
        assertThat(org.campuslake.oozie.validate.AppValidator.validate(app.resolve("workflow.xml"))).isEmpty();
        LocalEnvironment.Launcher beeline = new LocalEnvironment.Launcher(FixtureBeeline.class.getName(),
                System.getProperty("java.class.path"),
                List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-Dfixture.args=" + argsFile), List.of());
        LocalEnvironment env = new LocalEnvironment(home, Paths.get(System.getProperty("java.home"), "bin", "java"),
                Map.of("hive2", beeline), Map.of(), 1, 0, 4096);
        Path dir = home.resolve("run");
        Files.createDirectories(dir);
        WorkflowRunner wf = new WorkflowRunner(WorkflowApp.parse(app.resolve("workflow.xml")),
                Map.of("hiveJdbcUrl", "jdbc:hive2://h:1/default", "appRoot", app.toUri().toString().replaceAll("/$", ""),
                        "day", "2026-09-01"), "wf-1", "test", env, home.resolve("spark"), dir, new RunListener() {
                            @Override public void workflow(String label, String status, String detail) {}
                            @Override public void action(String label, String action, String type, String status,
                                                         String detail) {}
                        }, new RunRecord.CoordAction(), () -> {});
        String status = wf.run();
        return status.equals("SUCCEEDED") ? status : status + ": " + wf.killMessage();
    }

    @Test
    void beelineGetsTheUrlTheUserTheScriptTheParamsAndTheArguments() throws Exception {
        Path args = home.resolve("args.txt");
        assertThat(run("110_build.hql", args)).isEqualTo("SUCCEEDED");
        assertThat(Files.readAllLines(args)).containsExactly("-u", "jdbc:hive2://h:1/default",
                "-n", System.getProperty("user.name"), "-f", home.resolve("app/hql/110_build.hql").toString(),
                "--hivevar", "ingest_date=2026-09-01", "--hivevar", "lake_root=/lake", "--silent=true");
    }

    @Test
    void aFailedScriptIsKilledWithBeelinesErrorLine() throws Exception {
        String result = run("fail_build.hql", home.resolve("args.txt"));
        assertThat(result).startsWith("KILLED: Beeline on jdbc:hive2://h:1/default, exit code [2]: Error: "
                + "org.apache.spark.sql.AnalysisException: Table or view not found: raw.x").endsWith("(state=42000,code=0)");
    }
}
