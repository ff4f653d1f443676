package org.campuslake.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.campuslake.seed.ErpAdvancer;
import org.campuslake.seed.ErpDatabase;
import org.campuslake.seed.ErpSeeder;
import org.campuslake.seed.ErpTable;
import org.campuslake.seed.gen.GeneratorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the local chain in one command: start the services, (re)seed the ERP, advance it a few days.",
            "Shows the rows per table and what the simulated days added."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--scale", paramLabel = "S", defaultValue = "0.01", description = "Scale factor (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--days", paramLabel = "N", defaultValue = "3", description = "Days to advance after seeding (default: ${DEFAULT-VALUE}).")
    int days;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (days < 0 || days > 366) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days must be between 0 and 366");
        }
        GeneratorConfig cfg = SeedCommand.config(spec, scale, GeneratorConfig.DEFAULT_SEED, GeneratorConfig.DEFAULT_START);
        LakeContext ctx = new LakeContext();
        ErpDatabase db = ctx.erpDatabase(null);
        ErpSeeder.Report seeded = new ErpSeeder(db, ctx.home.tmp(), new ConsoleProgress()).seed(cfg, true);
        SeedCommand.print(ctx, seeded);
        Map<ErpTable, Long> before = counts(db);
        ErpAdvancer.Report adv = new ErpAdvancer(db, new ConsoleProgress()).advance(seeded.clock().plusDays(days));
        Map<ErpTable, Long> after = counts(db);
        ctx.out.println();
        ctx.out.printf("ERP activity %s to %s: %,d rows inserted, %,d updated%n", adv.from(), adv.to(), adv.inserted(),
                adv.updated());
        ctx.out.printf("  %-22s %12s %12s %10s%n", "table", "after seed", "now", "new");
        for (ErpTable t : ErpTable.values()) {
            ctx.out.printf("  %-22s %,12d %,12d %,10d%n", t.qualifiedName(), before.get(t), after.get(t),
                    after.get(t) - before.get(t));
        }
        ctx.out.println();
        ctx.out.println("Next: ./lake status (connection details for Power BI or a MySQL client),"
                + " ./lake erp advance --to YYYY-MM-DD, ./lake down.");
        return 0;
    }

    private static Map<ErpTable, Long> counts(ErpDatabase db) throws SQLException {
        Map<ErpTable, Long> m = new EnumMap<>(ErpTable.class);
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (ErpTable t : ErpTable.values()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t.qualifiedName())) {
                    rs.next();
                    m.put(t, rs.getLong(1));
                }
            }
        }
        return m;
    }
}
