package org.campuslake.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy.sh --dry-run}: every command of a deploy, printed, none run (no VM, no build), and the paths it
 * writes are the ones the vagrant job.properties and settings files read.
 */
class DeployDryRunTest {
    static String dryRun(Map<String, String> env) throws Exception {
        HostTools.Result r = HostTools.run(List.of("bash", "deploy.sh", "--dry-run"), env, null, 60);
        assertThat(r.exit()).as(r.output()).isZero();
        return r.output();
    }

    @Test
    void printsTheBuildTheSeedTheUploadAndTheSubmission() throws Exception {
        String out = dryRun(Map.of());
        assertThat(out)
                .contains("+ mvn -B -q -f " + HostTools.REPO + "/pom.xml -DskipTests package")
                .contains("seed --scale 0.01 --seed 42 --if-empty --db-url jdbc:mysql://127.0.0.1:13306/ --db-user etl"
                        + " --db-password-file " + HostTools.VAGRANT_DIR + "/.secrets/etl.password")
                .contains("vagrant ssh edge -c sudo\\ /campus-lake/vagrant/deploy/on-cluster.sh\\ multi")
                .contains("hdfs dfs -put /campus-lake/oozie-workflows/target/apps /user/etl/campus-lake/apps.new")
                .contains("hdfs dfs -mv /user/etl/campus-lake/apps.new /user/etl/campus-lake/apps")
                .contains("hdfs dfs -chmod 0400 /user/etl/secrets/etl.password")
                .contains("-f /campus-lake/oozie-workflows/target/apps/hql/010_raw_tables.hql")
                .contains("-f /campus-lake/oozie-workflows/target/apps/hql/200_analytics_views.hql")
                .contains("oozie job -oozie http://master:11000/oozie -config"
                        + " /campus-lake/oozie-workflows/target/apps/env/vagrant/job.properties -run");
        // The upload goes to apps.new first: the running applications are replaced only once it is complete.
        assertThat(out.indexOf("apps.new")).isLessThan(out.indexOf("-mv /user/etl/campus-lake/apps.new"));
        assertThat(out).doesNotContain("-value", "--password ", "IDENTIFIED BY");
    }

    @Test
    void theSingleVmProfileDeploysFromItsOneMachine() throws Exception {
        assertThat(dryRun(Map.of("LAKE_NODES", "1")))
                .contains("vagrant ssh master -c sudo\\ /campus-lake/vagrant/deploy/on-cluster.sh\\ single");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        HostTools.Result r = HostTools.run(List.of("bash", "deploy.sh", "--force"), Map.of(), null, 60);
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("usage: deploy.sh [--dry-run]");
    }

    /** What the workflows read on the cluster is what the deploy writes. */
    @Test
    void theDeployWritesWhereTheVagrantSettingsRead() throws Exception {
        var env = HostTools.REPO.resolve("oozie-workflows/src/main/apps/env/vagrant");
        Properties job = load(env.resolve("job.properties"));
        String nameNode = job.getProperty("nameNode");
        String out = dryRun(Map.of());
        assertThat(resolve(job, "appRoot")).isEqualTo(nameNode + "/user/etl/campus-lake/apps");
        assertThat(out).contains("/user/etl/campus-lake/apps.new");
        for (String key : List.of("erpPasswordFile", "saltDir", "ingestConfig", "analyticsConfig")) {
            String path = resolve(job, key).substring(nameNode.length());
            String parent = path.substring(0, path.lastIndexOf('/'));
            assertThat(out).as("%s = %s", key, path).containsAnyOf(" " + path + "\n", " " + parent + "/\n");
        }
        Properties ingest = load(env.resolve("ingest.properties"));
        Properties analytics = load(env.resolve("analytics.properties"));
        assertThat(ingest.getProperty("erp.password.file")).isEqualTo(resolve(job, "erpPasswordFile"));
        assertThat(analytics.getProperty("summary.password.file")).isEqualTo(resolve(job, "erpPasswordFile"));
        assertThat(ingest.getProperty("lake.root")).isEqualTo(resolve(job, "lakeRoot"));
        assertThat(analytics.getProperty("lake.root")).isEqualTo(resolve(job, "lakeRoot"));
        assertThat(out).contains("--hivevar lake_root=" + resolve(job, "lakeRoot"))
                .contains("--hivevar salt_dir=" + resolve(job, "saltDir"));
    }

    static Properties load(java.nio.file.Path file) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }

    /** job.properties values refer to others as ${name}. */
    static String resolve(Properties p, String key) {
        String v = p.getProperty(key);
        for (String name : p.stringPropertyNames()) {
            v = v.replace("${" + name + "}", p.getProperty(name));
        }
        return v;
    }
}
