package org.campuslake.ingest.stage;

import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * The entry point of every stage main, as a Hadoop {@link Tool}: {@code ToolRunner} takes the generic options
 * first ({@code -D key=value}, {@code -conf FILE}), so a cluster run sets a queue, a memory size or an ingest
 * setting the same way as any Hadoop job. The contract: the stage's report on stdout with the user's line last
 * (the one a failure names), traces on stderr, and an {@link ExitCode}.
 */
public abstract class Stage extends Configured implements Tool {
    /** The source {@code GenericOptionsParser} gives a {@code -D} pair. */
    private static final String COMMAND_LINE = "from command line";

    /** The stage's name in its lines ({@code ingest plan: ...}). */
    protected abstract String name();

    /** The stage's work, on the arguments left after the generic options. */
    protected abstract ExitCode execute(String[] args) throws Exception;

    @Override
    public final int run(String[] args) throws Exception {
        return execute(args).code;
    }

    /** The {@code -D} pairs of the command line, which override the environment's settings file. */
    public Properties commandLine() {
        Properties p = new Properties();
        Configuration conf = getConf();
        if (conf != null) {
            for (Map.Entry<String, String> e : conf) {
                String[] sources = conf.getPropertySources(e.getKey());
                if (sources != null && sources.length > 0 && COMMAND_LINE.equals(sources[sources.length - 1])) {
                    p.setProperty(e.getKey(), e.getValue());
                }
            }
        }
        return p;
    }

    /** Runs the stage and exits with its code: the one way a stage main ends. */
    public static void main(Stage stage, String[] args) {
        System.exit(launch(stage, args, System.out, System.err));
    }

    /** The user's line is one line, whatever the exception's message holds (a JDBC driver's spans several). */
    static String oneLine(String text) {
        return text.trim().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    /** Runs the stage; a failure's line goes last to {@code out}, its trace to {@code err}. */
    public static int launch(Stage stage, String[] args, PrintStream out, PrintStream err) {
        return launch(stage, args, out, err, true);
    }

    /**
     * The same; without generic options the arguments reach the stage as given (Hadoop's parser drops every
     * {@code --}, which a command line of its own, Sqoop's, needs).
     */
    public static int launch(Stage stage, String[] args, PrintStream out, PrintStream err, boolean genericOptions) {
        try {
            if (!genericOptions) {
                stage.setConf(new Configuration());
                return stage.run(args);
            }
            return ToolRunner.run(new Configuration(), stage, args);
        } catch (StageFailure e) {
            if (e.getCause() != null) {
                e.printStackTrace(err);
            }
            out.println(oneLine(stage.name() + ": " + e.getMessage()));
            return e.exit.code;
        } catch (Exception | LinkageError e) {
            e.printStackTrace(err);
            out.println(oneLine(stage.name() + " failed: " + e));
            return ExitCode.FAILED.code;
        } finally {
            out.flush();
        }
    }
}
