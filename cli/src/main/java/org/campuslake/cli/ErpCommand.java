package org.campuslake.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.campuslake.seed.ErpAdvancer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "erp", mixinStandardHelpOptions = true, description = "Operate the simulated ERP.",
        subcommands = {ErpCommand.Advance.class})
final class ErpCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: advance");
    }

    @Command(name = "advance", mixinStandardHelpOptions = true,
            description = {"Simulate the school's daily activity from the ERP's clock up to a date: new lessons,"
                + " attendance and grades, excused absences and grade corrections, dropouts, enrolments and event"
                + " contacts converting, contracts and hires.", "Deterministic per date; a date already reached is a no-op."})
    static final class Advance implements Callable<Integer> {
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", converter = Options.Date.class,
                description = "Last day to simulate (inclusive).")
        LocalDate to;

        @CommandLine.ArgGroup(exclusive = false, heading = "Database (default: the local embedded server)%n")
        Options.Database db;

        @Override
        public Integer call() throws Exception {
            LakeContext ctx = new LakeContext();
            ErpAdvancer.Report r = new ErpAdvancer(ctx.erpDatabase(db), new ConsoleProgress()).advance(to);
            if (r.nothingToDo()) {
                ctx.out.println("The ERP is already at " + r.to() + "; nothing to do (advance only moves forward).");
            } else {
                ctx.out.printf("Advanced the ERP %s to %s (%d days): %,d rows inserted, %,d updated.%n",
                        r.from(), r.to(), r.days(), r.inserted(), r.updated());
            }
            return 0;
        }
    }
}
