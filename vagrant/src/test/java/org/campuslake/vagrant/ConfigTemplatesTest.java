package org.campuslake.vagrant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every config template rendered for both profiles by the provisioning's own renderer: well-formed XML, the keys
 * each service needs with the profile's values, sizes that fit together, and no password anywhere.
 */
class ConfigTemplatesTest {
    @BeforeAll
    static void tools() throws Exception {
        HostTools.require("envsubst", "gettext-base");
    }

    static Path render(String profile, Path out) throws Exception {
        HostTools.Result r = HostTools.run(List.of("bash", "provision/render-config.sh", profile, out.toString()),
                Map.of(), null, 60);
        assertThat(r.exit()).as(r.output()).isZero();
        return out;
    }

    /** A Hadoop-style configuration file as name → value; a property defined twice fails the test. */
    static Map<String, String> properties(Path xml) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("configuration");
        Map<String, String> out = new LinkedHashMap<>();
        NodeList props = doc.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            String name = p.getElementsByTagName("name").item(0).getTextContent().strip();
            String value = p.getElementsByTagName("value").item(0).getTextContent().strip();
            assertThat(out.put(name, value)).as("%s defines %s twice", xml.getFileName(), name).isNull();
        }
        return out;
    }

    static Map<String, String> sparkDefaults(Path file) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] kv = line.strip().split("\\s+", 2);
                out.put(kv[0], kv[1]);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"multi", "single", "netns"})
    void everyTemplateRendersWithTheExpectedKeys(String profile, @TempDir Path dir) throws Exception {
        Path out = render(profile, dir);
        // multi and netns (the cluster on one machine) have two workers; single has one machine for everything.
        boolean multi = !profile.equals("single");
        String nodeManagerMemory = Map.of("multi", "3072", "single", "2560", "netns", "2048").get(profile);

        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertThat(text).as("%s: unrendered setting", f).doesNotContainPattern("\\$\\{[A-Z][A-Z0-9_]*}");
                if (f.toString().endsWith(".xml")) {
                    properties(f); // well-formed, no duplicates
                }
            }
        }

        Map<String, String> core = properties(out.resolve("hadoop/core-site.xml"));
        assertThat(core).containsEntry("fs.defaultFS", "hdfs://master:8020")
                .containsEntry("hadoop.proxyuser.oozie.hosts", "master")
                .containsEntry("hadoop.proxyuser.hive.hosts", "master")
                .containsKeys("hadoop.proxyuser.oozie.groups", "hadoop.proxyuser.hive.groups");
        // Hadoop's own variables stay for Hadoop to expand.
        assertThat(core.get("hadoop.tmp.dir")).endsWith("/${user.name}");

        Map<String, String> hdfs = properties(out.resolve("hadoop/hdfs-site.xml"));
        assertThat(hdfs).containsEntry("dfs.replication", multi ? "2" : "1")
                .containsEntry("dfs.namenode.http-address", "master:9870");

        Map<String, String> yarn = properties(out.resolve("hadoop/yarn-site.xml"));
        assertThat(yarn).containsEntry("yarn.resourcemanager.hostname", "master")
                .containsEntry("yarn.nodemanager.aux-services", "mapreduce_shuffle")
                .containsEntry("yarn.nodemanager.resource.memory-mb", nodeManagerMemory);

        Map<String, String> mapred = properties(out.resolve("hadoop/mapred-site.xml"));
        assertThat(mapred).containsEntry("mapreduce.framework.name", "yarn")
                .containsEntry("mapreduce.jobhistory.address", "master:10020");

        Map<String, String> hive = properties(out.resolve("hive/hive-site.xml"));
        assertThat(hive).containsEntry("hive.metastore.uris", "thrift://master:9083")
                .containsEntry("javax.jdo.option.ConnectionDriverName", "com.mysql.cj.jdbc.Driver")
                .containsEntry("javax.jdo.option.ConnectionUserName", "hive")
                .containsEntry("hadoop.security.credential.provider.path", "jceks://file/etc/hive/conf/hive.jceks")
                .containsEntry("hive.server2.thrift.port", "10000")
                .containsEntry("hive.server2.enable.doAs", "true");
        assertThat(hive.get("javax.jdo.option.ConnectionURL")).startsWith("jdbc:mysql://edge:3306/metastore?");

        Map<String, String> oozie = properties(out.resolve("oozie/oozie-site.xml"));
        assertThat(oozie).containsEntry("oozie.service.JPAService.jdbc.driver", "com.mysql.cj.jdbc.Driver")
                .containsEntry("oozie.service.JPAService.jdbc.username", "oozie")
                .containsEntry("oozie.service.HadoopAccessorService.hadoop.configurations", "*=/etc/hadoop/conf")
                .containsEntry("oozie.action.max.output.data", "65536")
                .containsEntry("hadoop.security.credential.provider.path", "jceks://file/etc/oozie/conf/oozie.jceks");
        assertThat(oozie.get("oozie.service.JPAService.jdbc.url"))
                .startsWith("jdbc:mysql://edge:3306/oozie?").contains("connectionTimeZone=UTC");

        Map<String, String> sparkHive = properties(out.resolve("spark/hive-site.xml"));
        assertThat(sparkHive).containsOnlyKeys("hive.metastore.uris");

        Map<String, String> spark = sparkDefaults(out.resolve("spark/spark-defaults.conf"));
        assertThat(spark).containsEntry("spark.master", "yarn")
                .containsEntry("spark.sql.catalogImplementation", "hive")
                .containsEntry("spark.yarn.archive", "hdfs://master:8020/apps/spark/spark-3.5.1-jars.zip")
                .containsEntry("spark.executor.instances", multi ? "2" : "1");

        assertThat(Files.readAllLines(out.resolve("hadoop/workers")))
                .containsExactlyElementsOf(multi ? List.of("worker1", "worker2") : List.of("master"));
        Properties dashboard = new Properties();
        try (var in = Files.newBufferedReader(out.resolve("dashboard/dashboard.properties"))) {
            dashboard.load(in);
        }
        assertThat(dashboard.getProperty("dashboard.jdbc.url")).startsWith("jdbc:mysql://edge:3306/summary?").contains("connectionTimeZone=UTC").doesNotContain("&amp;");
        assertThat(dashboard).containsEntry("dashboard.user", "bi_reader").containsEntry("dashboard.port", "8765")
                .containsEntry("dashboard.password.file", "/etc/campus-lake/secrets/bi_reader.password");
        assertThat(Files.readString(out.resolve("system/lake-service.service")))
                .contains("User=hdfs", "ExecStart=/opt/hadoop/bin/hdfs namenode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"multi", "single", "netns"})
    void sizesFitTogether(String profile, @TempDir Path dir) throws Exception {
        Path out = render(profile, dir);
        Map<String, String> yarn = properties(out.resolve("hadoop/yarn-site.xml"));
        Map<String, String> mapred = properties(out.resolve("hadoop/mapred-site.xml"));
        int nodeManager = Integer.parseInt(yarn.get("yarn.nodemanager.resource.memory-mb"));
        int maxAllocation = Integer.parseInt(yarn.get("yarn.scheduler.maximum-allocation-mb"));
        assertThat(maxAllocation).isLessThanOrEqualTo(nodeManager);
        for (String key : List.of("mapreduce.map.memory.mb", "mapreduce.reduce.memory.mb",
                "yarn.app.mapreduce.am.resource.mb")) {
            assertThat(Integer.parseInt(mapred.get(key))).as(key).isLessThanOrEqualTo(maxAllocation);
        }
        // A container's heap leaves room for the JVM's own memory (the options may hold other flags too).
        for (String[] pair : new String[][] {{"mapreduce.map.java.opts", "mapreduce.map.memory.mb"},
                {"mapreduce.reduce.java.opts", "mapreduce.reduce.memory.mb"},
                {"yarn.app.mapreduce.am.command-opts", "yarn.app.mapreduce.am.resource.mb"}}) {
            java.util.regex.Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(mapred.get(pair[0]));
            assertThat(heap.find()).as(pair[0] + ": " + mapred.get(pair[0])).isTrue();
            assertThat(Integer.parseInt(heap.group(1))).as(pair[0]).isLessThan(Integer.parseInt(mapred.get(pair[1])));
        }
    }

    @Test
    void noPasswordInAnyRenderedFile(@TempDir Path dir) throws Exception {
        Path out = render("multi", dir);
        Pattern passwordKey = Pattern.compile("(?i)password");
        for (String xml : List.of("hadoop/core-site.xml", "hive/hive-site.xml", "oozie/oozie-site.xml")) {
            assertThat(properties(out.resolve(xml)).keySet()).as(xml).noneMatch(k -> passwordKey.matcher(k).find());
        }
    }

    @Test
    void aTemplateNamingAnUnknownSettingIsAnError(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("bad.xml");
        Files.writeString(template, "<configuration><property><name>x</name><value>${NO_SUCH_SETTING}</value>"
                + "</property></configuration>\n");
        HostTools.Result r = HostTools.bash("source provision/common.sh && load_settings multi && render_template "
                + template + " " + dir.resolve("out.xml"), Map.of());
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("uses settings that no profile or versions.env defines: ${NO_SUCH_SETTING}");
        assertThat(dir.resolve("out.xml")).doesNotExist();
        assertThat(dir.resolve("out.xml.tmp")).doesNotExist();
    }
}
