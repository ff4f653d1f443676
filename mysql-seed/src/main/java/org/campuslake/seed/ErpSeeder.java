package org.campuslake.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.campuslake.seed.gen.GeneratorConfig;
import org.campuslake.seed.gen.Simulation;
import org.campuslake.seed.load.BulkLoader;
import org.campuslake.seed.load.TsvSink;

/**
 * {@code lake seed}: simulates the ERP in memory, writes it to LOAD DATA files, then replaces the content of the
 * {@code erp} tables in bulk. Nothing in the database is touched until the files are complete, and an ERP that
 * already holds data is only replaced when asked to ({@code force}).
 */
public final class ErpSeeder {
    private final ErpDatabase db;
    private final Path workRoot;
    private final Progress progress;

    public record Report(GeneratorConfig config, LocalDate clock, Map<ErpTable, Long> rows, Duration generate,
                         Duration load, Duration total, String fingerprint, boolean loadData) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param workRoot where the temporary load files go (deleted afterwards)
     */
    public ErpSeeder(ErpDatabase db, Path workRoot, Progress progress) {
        this.db = db;
        this.workRoot = workRoot;
        this.progress = progress;
    }

    public Report seed(GeneratorConfig cfg, boolean force) throws SQLException {
        return seed(cfg, cfg.seedEnd(), force);
    }

    /** Seeds with classroom activity up to {@code end} (the default is one year after the start). */
    public Report seed(GeneratorConfig cfg, LocalDate end, boolean force) throws SQLException {
        if (end.isBefore(cfg.start())) {
            throw new SeedException("the seed must end on or after its start date " + cfg.start());
        }
        long t0 = System.nanoTime();
        try (Connection c = db.open()) {
            refuseExistingUnlessForced(c, force);
        }
        Path work;
        try {
            Files.createDirectories(workRoot);
            work = Files.createTempDirectory(workRoot, "seed-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder under " + workRoot, e);
        }
        try {
            TsvSink sink = new TsvSink(work);
            LocalDate first = Simulation.historyStart(cfg);
            progress.begin("Simulating " + first + " to " + end, ChronoUnit.DAYS.between(first, end) + 1);
            try (sink) {
                Simulation.generate(cfg, end, sink, d -> progress.advance(1));
            } finally {
                progress.end();
            }
            long t1 = System.nanoTime();
            Properties bulk = new Properties();
            bulk.setProperty("allowLoadLocalInfileInPath", work.toAbsolutePath().toString());
            bulk.setProperty("rewriteBatchedStatements", "true");
            Map<ErpTable, Long> rows = new EnumMap<>(ErpTable.class);
            String fingerprint;
            boolean loadData;
            try (Connection c = db.open(bulk)) {
                refuseExistingUnlessForced(c, force);
                truncate(c);
                // One transaction for all tables: a failed load leaves empty tables, never half an ERP.
                c.setAutoCommit(false);
                BulkLoader loader = new BulkLoader(c);
                relaxChecks(c, true);
                progress.begin("Loading", sink.total());
                try {
                    for (ErpTable t : ErpTable.values()) {
                        rows.put(t, loader.load(t, sink.file(t), sink.count(t), progress::advance));
                        if (rows.get(t) != sink.count(t)) {
                            throw new SQLException(t.qualifiedName() + ": loaded " + rows.get(t) + " rows of " + sink.count(t));
                        }
                    }
                } catch (SQLException | IOException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    progress.end();
                    relaxChecks(c, false);
                }
                loadData = loader.usedLoadData();
                fingerprint = sink.fingerprint();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO lake_meta.erp_simulation (id, scale_factor,"
                        + " seed, start_date, history_start, clock_date, generator_version, fingerprint)"
                        + " VALUES (1, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setBigDecimal(1, java.math.BigDecimal.valueOf(cfg.scale()));
                    ps.setLong(2, cfg.seed());
                    ps.setObject(3, cfg.start());
                    ps.setObject(4, first);
                    ps.setObject(5, end);
                    ps.setString(6, GeneratorConfig.GENERATOR_VERSION);
                    ps.setString(7, fingerprint);
                    ps.executeUpdate();
                }
                c.commit();
            }
            long t2 = System.nanoTime();
            return new Report(cfg, end, rows, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1),
                    Duration.ofNanos(t2 - t0), fingerprint, loadData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static void refuseExistingUnlessForced(Connection c, boolean force) throws SQLException {
        if (force) {
            return;
        }
        Optional<SimulationInfo> info = SimulationInfo.read(c);
        if (info.isPresent()) {
            SimulationInfo i = info.get();
            throw new SeedException("the ERP is already seeded (" + SimulationInfo.describe(i.config()) + ", clock "
                    + i.clock() + "); use --force to replace it");
        }
        try (Statement s = c.createStatement()) {
            for (ErpTable t : ErpTable.values()) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM " + t.qualifiedName() + " LIMIT 1")) {
                    if (rs.next()) {
                        throw new SeedException("the ERP already holds data (" + t.qualifiedName()
                                + " is not empty); use --force to replace it");
                    }
                }
            }
        }
    }

    /** Load order already respects the keys; the checks are re-enabled before commit (tests verify no orphans). */
    private static void relaxChecks(Connection c, boolean relax) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = " + (relax ? 0 : 1));
            s.execute("SET UNIQUE_CHECKS = " + (relax ? 0 : 1));
        }
    }

    private static void truncate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                for (ErpTable t : ErpTable.values()) {
                    s.execute("TRUNCATE TABLE " + t.qualifiedName());
                }
            } finally {
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
            s.execute("DELETE FROM lake_meta.erp_simulation");
            s.execute("DELETE FROM lake_meta.erp_advance_log");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder under .lake/tmp is harmless
        }
    }
}
