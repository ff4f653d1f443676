package org.campuslake.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import org.campuslake.seed.gen.Simulation;
import org.campuslake.seed.load.JdbcSink;

/**
 * {@code lake erp advance --to D}: simulates each day after the ERP's clock up to D and writes it in one
 * transaction per day (rows and clock together), so an interrupted advance leaves whole days behind.
 */
public final class ErpAdvancer {
    private final ErpDatabase db;
    private final Progress progress;

    public record Report(LocalDate from, LocalDate to, int days, long inserted, long updated) {
        public boolean nothingToDo() {
            return days == 0;
        }
    }

    public ErpAdvancer(ErpDatabase db, Progress progress) {
        this.db = db;
        this.progress = progress;
    }

    public Report advance(LocalDate to) throws SQLException {
        Properties batch = new Properties();
        batch.setProperty("rewriteBatchedStatements", "true");
        try (Connection c = db.open(batch)) {
            SimulationInfo info = SimulationInfo.read(c)
                    .orElseThrow(() -> new SeedException("the ERP has not been seeded yet: run `lake seed` first"));
            LocalDate clock = info.clock();
            if (!to.isAfter(clock)) {
                return new Report(clock, clock, 0, 0, 0);
            }
            long inserted = 0;
            long updated = 0;
            c.setAutoCommit(false);
            try (JdbcSink sink = new JdbcSink(c)) {
                Simulation sim = Simulation.resume(c, info.config(), clock, sink);
                c.commit();
                progress.begin("Advancing the ERP " + clock.plusDays(1) + " to " + to, ChronoUnit.DAYS.between(clock, to));
                for (LocalDate d = clock.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                    try {
                        int[] n = sim.simulate(d);
                        sink.flush();
                        try (PreparedStatement ps = c.prepareStatement(
                                "UPDATE lake_meta.erp_simulation SET clock_date = ? WHERE id = 1");
                             PreparedStatement log = c.prepareStatement("INSERT INTO lake_meta.erp_advance_log"
                                     + " (sim_date, rows_inserted, rows_updated) VALUES (?, ?, ?)")) {
                            ps.setObject(1, d);
                            ps.executeUpdate();
                            log.setObject(1, d);
                            log.setInt(2, n[0]);
                            log.setInt(3, n[1]);
                            log.executeUpdate();
                        }
                        c.commit();
                        inserted += n[0];
                        updated += n[1];
                        progress.advance(1);
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw new SQLException("advancing the ERP failed on " + d + " (the ERP stays at "
                                + d.minusDays(1) + "): " + e.getMessage(), e);
                    }
                }
            } finally {
                progress.end();
                c.setAutoCommit(true);
            }
            return new Report(clock.plusDays(1), to, (int) ChronoUnit.DAYS.between(clock, to), inserted, updated);
        }
    }
}
