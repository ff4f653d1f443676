package org.campuslake.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.validate.ValidationJob;
import org.campuslake.ingest.validate.ValidationResult;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.seed.TestDatabase;
import org.campuslake.seed.gen.GeneratorConfig;

/** A real MariaDB with a seeded ERP, and a fresh lake per test. */
final class IngestFixture {
    static final LocalDate SEEDED = LocalDate.of(2026, 8, 31);
    static final Catalog CATALOG = Catalog.builtIn();

    final TestDatabase db;
    final java.nio.file.Path lakeDir;
    final Properties props = new Properties();

    IngestFixture() throws SQLException {
        db = TestDatabase.get();
        db.seeder().seed(new GeneratorConfig(0.01, 42, GeneratorConfig.DEFAULT_START), true);
        lakeDir = Paths.get("target", "it-lake", "lake-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        props.setProperty(IngestConfig.LAKE_ROOT, lakeDir.toUri().toString());
        props.setProperty(IngestConfig.JDBC_URL, db.endpoint.jdbcUrl("erp"));
        props.setProperty(IngestConfig.USER, EmbeddedMariaDb.ETL_USER);
        props.setProperty(IngestConfig.PASSWORD_FILE, db.endpoint.passwordFile(EmbeddedMariaDb.ETL_USER).toString());
        props.setProperty(IngestConfig.LOCAL_MODE, "true");
        props.setProperty(IngestConfig.MAX_MAPPERS, "2");
        props.setProperty(IngestConfig.ORM_CACHE_DIR, Paths.get("target", "it-orm-cache").toAbsolutePath().toString());
        props.setProperty(IngestConfig.WORK_DIR, lakeDir.resolveSibling(lakeDir.getFileName() + "-work").toString());
    }

    IngestConfig config() {
        return new IngestConfig((Properties) props.clone());
    }

    SqoopImporter importer() throws IOException {
        return new SqoopImporter(config());
    }

    ImportResult importTable(String table, LocalDate d) throws Exception {
        return importer().importTable(CATALOG.table(table), d);
    }

    ValidationResult validate(String table, LocalDate d) throws Exception {
        SqoopImporter imp = importer();
        return new ValidationJob(config(), CATALOG, imp.hadoopConf()).validate(CATALOG.table(table), d);
    }

    /** Imports and validates these tables for a date, in this order. */
    void ingestOnly(LocalDate d, String... tables) throws Exception {
        for (String t : tables) {
            importTable(t, d);
            validate(t, d);
        }
    }

    /** Imports and validates every table for a date. */
    List<ValidationResult> ingest(LocalDate d) throws Exception {
        List<ValidationResult> out = new ArrayList<ValidationResult>();
        SqoopImporter imp = importer();
        for (TableSpec t : CATALOG.tables()) {
            imp.importTable(t, d);
            out.add(new ValidationJob(config(), CATALOG, imp.hadoopConf()).validate(t, d));
        }
        return out;
    }

    LakeLayout layout() {
        return new LakeLayout(config().lakeRoot());
    }

    FileSystem fs() throws IOException {
        return layout().root().getFileSystem(config().hadoop());
    }

    /**
     * The records of a partition, file by file in name order: text lines, or Avro records as JSON (Avro files
     * differ from run to run by their random sync marker, their records do not).
     */
    List<String> lines(Path partition) throws IOException {
        List<String> out = new ArrayList<String>();
        FileSystem fs = fs();
        if (!fs.exists(partition)) {
            return out;
        }
        FileStatus[] files = fs.listStatus(partition);
        java.util.Arrays.sort(files);
        for (FileStatus st : files) {
            if (st.getPath().getName().startsWith("part-") && st.getPath().getName().endsWith(".avro")) {
                try (org.apache.avro.file.DataFileStream<Object> in = new org.apache.avro.file.DataFileStream<Object>(
                        fs.open(st.getPath()), new org.apache.avro.generic.GenericDatumReader<Object>())) {
                    for (Object rec : in) {
                        out.add(rec.toString());
                    }
                }
            } else if (st.getPath().getName().startsWith("part-")) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(st.getPath()), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        out.add(l);
                    }
                }
            }
        }
        return out;
    }

    long sourceCount(String sql) throws SQLException {
        try (Connection c = db.erp().open()) {
            return TestDatabase.count(c, sql);
        }
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = db.erp().open(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    static String key(String line) {
        return line.substring(0, line.indexOf('\001'));
    }

}
