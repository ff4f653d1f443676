package org.campuslake.seed;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import org.campuslake.seed.gen.GeneratorConfig;

/** The row of {@code lake_meta.erp_simulation}: how the ERP was seeded and how far it has been simulated. */
public record SimulationInfo(GeneratorConfig config, LocalDate historyStart, LocalDate clock, String generatorVersion,
                             String fingerprint) {

    public static Optional<SimulationInfo> read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT scale_factor, seed, start_date, history_start, clock_date,"
                     + " generator_version, fingerprint FROM lake_meta.erp_simulation WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            GeneratorConfig cfg = new GeneratorConfig(rs.getBigDecimal(1).doubleValue(), rs.getLong(2),
                    rs.getObject(3, LocalDate.class));
            return Optional.of(new SimulationInfo(cfg, rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                    rs.getString(6), rs.getString(7)));
        }
    }

    public static String describe(GeneratorConfig cfg) {
        return "scale " + BigDecimal.valueOf(cfg.scale()).stripTrailingZeros().toPlainString() + ", seed " + cfg.seed();
    }
}
