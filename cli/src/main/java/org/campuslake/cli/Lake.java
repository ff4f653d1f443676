package org.campuslake.cli;

import java.io.PrintWriter;
import org.campuslake.seed.SeedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lake} command: Campus Lake's local mode. */
@Command(name = "lake", mixinStandardHelpOptions = true, versionProvider = Lake.Version.class,
        description = {"Campus Lake: a school's ERP through Sqoop, Hive and Spark into a summary database for Power BI.",
            "Local mode: embedded services under .lake/ (or $LAKE_HOME)."},
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, SeedCommand.class, ErpCommand.class,
            ImportCommand.class, QuarantineCommand.class, ForgetCommand.class, HiveCommand.class, AnalyticsCommand.class, BeelineCommand.class, SqoopCommand.class, BiCommand.class, DashboardCommand.class, LabCommand.class, ValidateCommand.class, RunCommand.class, RunsCommand.class,
            BenchCommand.class, DeployCommand.class, ClusterCommand.class,
            DemoCommand.class, CommandLine.HelpCommand.class})
public final class Lake implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Lake());
        cl.setParameterExceptionHandler(Lake::badUsage);
        cl.setExecutionExceptionHandler(Lake::failed);
        // Sqoop's own `--` (sqoop job --create NAME -- import ...) must reach Sqoop.
        cl.getSubcommands().get("sqoop").setEndOfOptionsDelimiter("\u0000");
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Wrong arguments: one line saying what and where to look, exit code 2. */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return CommandLine.ExitCode.USAGE;
    }

    /** A failure: one line for problems the user can act on, the stack trace only in the log. */
    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof SeedException || e instanceof IllegalArgumentException) {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        err.println(name + ": error: " + Messages.oneLine(e));
        err.flush();
        org.slf4j.LoggerFactory.getLogger(Lake.class).debug("command failed", e);
        return CommandLine.ExitCode.SOFTWARE;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Lake.class.getPackage().getImplementationVersion();
            return new String[] {"Campus Lake " + (v == null ? "(development build)" : v),
                "Java " + Runtime.version() + " on " + System.getProperty("os.name")};
        }
    }
}
