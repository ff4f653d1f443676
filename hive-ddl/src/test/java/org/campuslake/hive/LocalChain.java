package org.campuslake.hive;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.derby.drda.NetworkServerControl;
import org.apache.spark.sql.SparkSession;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.seed.TestDatabase;
import org.campuslake.seed.gen.GeneratorConfig;

/**
 * The local chain up to the curated layer, for integration tests: a seeded ERP (SF0.01, seed 42) in a real
 * MariaDB, the ingestion module's {@code IngestMain} in a JVM of its own with that module's classpath (as in
 * production, Sqoop never shares Spark's classpath), a Derby network metastore and a Spark session with Hive
 * support that runs the hive-ddl scripts. Everything lives under {@code target/it-<name>-<id>}.
 */
public final class LocalChain implements AutoCloseable {
    public final Path work;
    public final TestDatabase db;
    /** The secret salt of the pseudonymous keys (tests recompute keys from it). */
    public final String salt;
    /** ${hivevar:...} values every script needs: lake_root, salt_dir. */
    public final Map<String, String> vars = new HashMap<>();
    public final SparkSession spark;
    private final Path ingestConfig;
    private final NetworkServerControl derby;

    private LocalChain(String name) throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        work = Path.of("target", "it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Files.createDirectories(work.resolve("tmp"));
        db = TestDatabase.get();
        db.seeder().seed(new GeneratorConfig(0.01, 42, GeneratorConfig.DEFAULT_START), true);

        Properties p = new Properties();
        p.setProperty("lake.root", work.resolve("lake").toUri().toString());
        p.setProperty("erp.jdbc.url", db.endpoint.jdbcUrl("erp"));
        p.setProperty("erp.user", EmbeddedMariaDb.ETL_USER);
        p.setProperty("erp.password.file", db.endpoint.passwordFile(EmbeddedMariaDb.ETL_USER).toString());
        p.setProperty("ingest.hadoop.local", "true");
        p.setProperty("ingest.mappers.max", "2");
        p.setProperty("ingest.orm.cache.dir", work.resolve("orm").toString());
        p.setProperty("ingest.work.dir", work.resolve("ingest-work").toString());
        ingestConfig = work.resolve("ingest.properties");
        try (OutputStream out = Files.newOutputStream(ingestConfig)) {
            p.store(out, null);
        }

        Path saltDir = work.resolve("salt");
        Files.createDirectories(saltDir);
        salt = "test-salt-" + UUID.randomUUID();
        Files.writeString(saltDir.resolve("salt.txt"), salt + "\n");
        Files.setPosixFilePermissions(saltDir, PosixFilePermissions.fromString("rwx------"));
        vars.put("lake_root", work.resolve("lake").toUri().toString().replaceAll("/$", ""));
        vars.put("salt_dir", saltDir.toUri().toString().replaceAll("/$", ""));

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        System.setProperty("derby.system.home", work.resolve("metastore").toString());
        derby = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
        derby.start(new PrintWriter(System.err, true));
        for (int i = 0; i < 100; i++) {
            try {
                derby.ping();
                break;
            } catch (Exception e) {
                Thread.sleep(100);
            }
        }
        spark = LocalSpark.session(name, port, work.resolve("warehouse"));
    }

    /** Seeds the ERP and starts the metastore and Spark; {@code name} names the work folder and the Spark app. */
    public static LocalChain start(String name) throws Exception {
        return new LocalChain(name);
    }

    /** The log of {@link #ingest} for a date. */
    public Path ingestLog(LocalDate d) {
        return work.resolve("ingest-" + d + ".log");
    }

    /** Runs IngestMain for a date in its own JVM; returns its exit code (its output is in {@link #ingestLog}). */
    public int ingest(LocalDate d) throws Exception {
        Path target = Path.of("..", "ingestion", "target").toAbsolutePath().normalize();
        String cp = target.resolve("classes") + java.io.File.pathSeparator
                + Files.readString(target.resolve("runtime-classpath.txt")).strip();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Djava.io.tmpdir=" + work.resolve("tmp"),
                "-cp", cp, "org.campuslake.ingest.IngestMain", "--config", ingestConfig.toString(), "--date", d.toString());
        pb.redirectErrorStream(true).redirectOutput(ingestLog(d).toFile());
        return pb.start().waitFor();
    }

    /** Runs hive-ddl scripts (from the classpath, as the local executor does) for an ingest date. */
    public void run(LocalDate d, String... scripts) throws Exception {
        Map<String, String> v = new HashMap<>(vars);
        v.put("ingest_date", d.toString());
        for (String script : scripts) {
            String text;
            try (InputStream in = LocalChain.class.getClassLoader().getResourceAsStream("hql/" + script)) {
                if (in == null) {
                    throw new IllegalStateException("hql/" + script + " is not on the classpath");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (HiveQlScript.Statement st : HiveQlScript.parse(script, text, v).statements()) {
                spark.sql(st.sql()).collect();
            }
        }
    }

    @Override
    public void close() throws Exception {
        spark.stop();
        derby.shutdown();
    }
}
