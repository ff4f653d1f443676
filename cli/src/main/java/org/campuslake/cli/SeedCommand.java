package org.campuslake.cli;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.campuslake.seed.ErpDatabase;
import org.campuslake.seed.ErpSeeder;
import org.campuslake.seed.ErpTable;
import org.campuslake.seed.SimulationInfo;
import org.campuslake.seed.gen.GeneratorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Generate the school's ERP (deterministic: same scale and seed, same rows) and bulk-load it.",
            "SF1 is one academic year of a 20-campus school: ~10,000 students, ~2,000,000 attendance rows."})
final class SeedCommand implements Callable<Integer> {
    @Option(names = "--scale", paramLabel = "S", defaultValue = "0.01",
            description = "Scale factor, > 0 (default: ${DEFAULT-VALUE}; SF0.01 seeds in seconds).")
    double scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", defaultValue = "2025-09-01", converter = Options.Date.class,
            description = "First day of the simulated academic year (default: ${DEFAULT-VALUE}); the ERP's clock ends"
                    + " one year later.")
    LocalDate start;

    @Option(names = "--force", description = "Replace an ERP that already holds data.")
    boolean force;

    @Option(names = "--if-empty", description = "Keep an ERP that is already seeded and succeed (provisioning and"
            + " deploy scripts seed a cluster this way, any number of times).")
    boolean ifEmpty;

    @CommandLine.ArgGroup(exclusive = false, heading = "Database (default: the local embedded server)%n")
    Options.Database db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GeneratorConfig cfg = config(spec, scale, seed, start);
        if (force && ifEmpty) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--force and --if-empty contradict each other");
        }
        LakeContext ctx = new LakeContext();
        ErpDatabase erp = ctx.erpDatabase(db);
        if (ifEmpty) {
            try (Connection c = erp.open()) {
                Optional<SimulationInfo> seeded = SimulationInfo.read(c);
                if (seeded.isPresent()) {
                    ctx.out.printf("The ERP is already seeded (%s, clock %s): kept.%n",
                            SimulationInfo.describe(seeded.get().config()), seeded.get().clock());
                    return 0;
                }
            }
        }
        ErpSeeder.Report r = new ErpSeeder(erp, ctx.home.tmp(), new ConsoleProgress()).seed(cfg, force);
        print(ctx, r);
        return 0;
    }

    static GeneratorConfig config(CommandLine.Model.CommandSpec spec, double scale, long seed, LocalDate start) {
        try {
            return new GeneratorConfig(scale, seed, start);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static void print(LakeContext ctx, ErpSeeder.Report r) {
        ctx.out.printf("Seeded the ERP (%s, %s to %s) in %.1f s: %,d rows, %,.0f rows/s"
                        + " (generate %.1f s, load %.1f s with %s)%n",
                SimulationInfo.describe(r.config()), r.config().start(), r.clock(), r.total().toMillis() / 1000.0,
                r.totalRows(), r.totalRows() / Math.max(0.001, r.total().toMillis() / 1000.0),
                r.generate().toMillis() / 1000.0, r.load().toMillis() / 1000.0,
                r.loadData() ? "LOAD DATA LOCAL INFILE" : "batched INSERTs");
        for (ErpTable t : ErpTable.values()) {
            ctx.out.printf("  %-20s %,12d%n", t.qualifiedName(), r.rows().get(t));
        }
        ctx.out.println("  fingerprint          " + r.fingerprint());
    }
}
