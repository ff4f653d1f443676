package org.campuslake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.campuslake.ingest.validate.ValidationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same import and validation with the lake on a real HDFS (MiniDFSCluster: a NameNode and a DataNode). */
class HdfsImportIT {
    private static MiniDFSCluster hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        // The NameNode's web server (Jetty) needs java.io.tmpdir (target/tmp) to exist; in a fresh checkout this
        // test may be the first to run.
        java.nio.file.Files.createDirectories(java.nio.file.Paths.get(System.getProperty("java.io.tmpdir")));
        Configuration conf = new Configuration();
        File base = new File("target/it-hdfs").getAbsoluteFile();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.getPath());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void importsValidatesAndRerunsOnHdfs() throws Exception {
        IngestFixture f = new IngestFixture();
        String root = hdfs.getURI() + "/lake";
        assertThat(root).startsWith("hdfs://");
        f.props.setProperty(IngestConfig.LAKE_ROOT, root);
        // Each table after the tables it refers to (validation checks its references against their keys).
        for (String table : new String[] {"campuses", "subjects", "professors", "students", "grades", "lessons"}) {
            ImportResult r = f.importTable(table, IngestFixture.SEEDED);
            ValidationResult v = f.validate(table, IngestFixture.SEEDED);
            assertThat(v.valid).as(table).isEqualTo(r.rows).isEqualTo(f.sourceCount("SELECT COUNT(*) FROM erp." + table));
        }
        FileSystem fs = hdfs.getFileSystem();
        LakeLayout lake = f.layout();
        assertThat(lake.raw("grades", IngestFixture.SEEDED).toUri().getScheme()).isEqualTo("hdfs");
        assertThat(fs.exists(lake.raw("grades", IngestFixture.SEEDED))).isTrue();
        new PartitionPublisher(fs).markReady(lake.raw("grades", IngestFixture.SEEDED));
        assertThat(fs.exists(new Path(lake.raw("grades", IngestFixture.SEEDED), LakeLayout.SUCCESS))).isTrue();
        assertThat(fs.exists(lake.importState("grades", IngestFixture.SEEDED))).isTrue();
        assertThat(f.lines(lake.raw("grades", IngestFixture.SEEDED))).hasSize((int) f.sourceCount("SELECT COUNT(*) FROM erp.grades"));
        // Nothing of the lake leaked to the local disk.
        assertThat(f.lakeDir.toFile()).doesNotExist();

        java.util.List<String> before = f.lines(lake.landing("grades", IngestFixture.SEEDED));
        ImportResult again = f.importTable("grades", IngestFixture.SEEDED);
        assertThat(again.window.reused).isTrue();
        assertThat(f.lines(lake.landing("grades", IngestFixture.SEEDED))).isEqualTo(before);
    }
}
