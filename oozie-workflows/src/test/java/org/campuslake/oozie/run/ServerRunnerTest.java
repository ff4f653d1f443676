package org.campuslake.oozie.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerRunnerTest {
    @TempDir
    Path home;

    @Test
    void aFailedNodeGetsTheLineItsErrorPathsFailureLineFound() throws Exception {
        // The shape of Oozie 5.2's job info for a forget workflow whose first java action exited 2.
        JsonNode wf = new ObjectMapper().readTree("""
                {"appName": "campus-lake-forget", "status": "KILLED", "actions": [
                 {"name": ":start:", "type": ":START:", "status": "OK"},
                 {"name": "erase-files", "type": "java", "status": "ERROR", "externalId": "application_1_0004",
                  "errorCode": "2", "errorMessage": "Main Class [org.apache.oozie.action.hadoop.JavaMain], exit code [2]"},
                 {"name": "explain-failure", "type": "java", "status": "OK", "externalId": "application_1_0005",
                  "data": "#\\nfailure.node=erase-files\\nfailure.detail=\\\\: forget\\\\: the id must be a number, not 'x'\\n"},
                 {"name": "notify-failure", "type": "email", "status": "OK"}]}
                """);
        List<String> lines = new ArrayList<>();
        ServerRunner runner = new ServerRunner(null, home, new RunListener() {
            @Override public void workflow(String label, String status, String detail) {}
            @Override public void action(String label, String action, String type, String status, String detail) {
                lines.add(action + " " + status + " " + detail);
            }
        }, 0);
        RunRecord.CoordAction a = new RunRecord.CoordAction();
        HashMap<String, String> seen = new HashMap<>();
        runner.nodes(a, wf, "forget", seen);
        runner.nodes(a, wf, "forget", seen); // the next poll: the same record, no line twice
        RunRecord.Action failed = a.nodes.stream().filter(n -> n.name.equals("erase-files")).findFirst().orElseThrow();
        assertThat(failed.error).isEqualTo("2: Main Class [org.apache.oozie.action.hadoop.JavaMain], exit code [2]"
                + ": forget: the id must be a number, not 'x'");
        assertThat(lines).filteredOn(l -> l.startsWith("erase-files ERROR") && l.endsWith("not 'x'")).hasSize(1);
        assertThat(a.nodes.stream().filter(n -> n.name.equals("notify-failure")).findFirst().orElseThrow().error).isNull();
    }
}
