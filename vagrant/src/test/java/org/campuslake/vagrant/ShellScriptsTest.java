package org.campuslake.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shell script of the project passes shellcheck, and so do the shell files the templates render to. */
class ShellScriptsTest {
    @Test
    void everyScriptPassesShellcheck() throws Exception {
        HostTools.require("shellcheck", "shellcheck");
        List<String> scripts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(HostTools.VAGRANT_DIR)) {
            walk.filter(p -> p.toString().endsWith(".sh"))
                    .filter(p -> !p.startsWith(HostTools.VAGRANT_DIR.resolve("templates")))
                    .filter(p -> !p.startsWith(HostTools.VAGRANT_DIR.resolve("target")))
                    .filter(p -> !p.startsWith(HostTools.VAGRANT_DIR.resolve(".cache")))
                    .forEach(p -> scripts.add(HostTools.VAGRANT_DIR.relativize(p).toString()));
        }
        assertThat(scripts).contains("provision/provision.sh", "provision/common.sh", "smoke-check.sh",
                "deploy.sh", "deploy/on-cluster.sh", "bin/seed-erp.sh");
        // The cluster on one machine: its scripts and the Hadoop and Hive launchers.
        try (Stream<Path> walk = Files.walk(HostTools.VAGRANT_DIR.resolve("../cluster"))) {
            walk.filter(p -> p.toString().contains("/src/main/sh/")).filter(Files::isRegularFile)
                    .forEach(p -> scripts.add(HostTools.VAGRANT_DIR.relativize(p).toString()));
        }
        assertThat(scripts).contains("../cluster/src/main/sh/lake-cluster.sh", "../cluster/hadoop/src/main/sh/bin/hdfs");
        // The project's other scripts: the launcher, CI, the Spark shell action and the dashboard's launcher.
        scripts.add("../lake");
        scripts.add("../cluster/deploy.sh");
        scripts.add("../.ci/run");
        scripts.add("../oozie-workflows/src/main/apps/analytics/kpi-job.sh");
        scripts.add("../dashboard/src/main/sh/serve.sh");
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "--external-sources"));
        cmd.addAll(scripts);
        HostTools.Result r = HostTools.run(cmd, Map.of(), null, 300);
        assertThat(r.exit()).as("shellcheck:\n%s", r.output()).isZero();
    }

    @Test
    void renderedShellFilesPassShellcheck(@TempDir Path out) throws Exception {
        HostTools.require("shellcheck", "shellcheck");
        HostTools.require("envsubst", "gettext-base");
        HostTools.Result render = HostTools.run(List.of("bash", "provision/render-config.sh", "single", out.toString()),
                Map.of(), null, 60);
        assertThat(render.exit()).as(render.output()).isZero();
        HostTools.Result r = HostTools.run(List.of("shellcheck", out.resolve("hadoop/hadoop-env.sh").toString(),
                out.resolve("spark/spark-env.sh").toString()), Map.of(), null, 60);
        assertThat(r.exit()).as("shellcheck:\n%s", r.output()).isZero();
    }
}
