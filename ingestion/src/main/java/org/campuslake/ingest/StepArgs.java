package org.campuslake.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.CatalogException;
import org.campuslake.ingest.catalog.TableSpec;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;

/**
 * The command line every ingestion step shares ({@code --config FILE --date YYYY-MM-DD [--table T ...]}) and the
 * way a step hands facts to the next one under Oozie: the properties file a java action with
 * {@code <capture-output/>} names in {@code oozie.action.output.properties}.
 */
public final class StepArgs {
    public final IngestConfig config;
    public final LocalDate date;
    public final Catalog catalog;
    public final List<TableSpec> tables;
    private final Set<String> flags;

    private StepArgs(IngestConfig config, LocalDate date, Catalog catalog, List<TableSpec> tables, Set<String> flags) {
        this.config = config;
        this.date = date;
        this.catalog = catalog;
        this.tables = tables;
        this.flags = flags;
    }

    /** Whether the command line had this flag (one of those {@link #parse} was told to accept). */
    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /**
     * A stage's arguments (after the generic options), its settings file with the command line's {@code -D} pairs
     * over it; a usage problem is a {@link StageFailure} with code {@link ExitCode#USAGE}.
     */
    public static StepArgs of(Stage stage, String step, String[] args, String... allowedFlags)
            throws IOException, StageFailure {
        try {
            return parse(step, args, stage.commandLine(), allowedFlags);
        } catch (IllegalArgumentException e) {
            throw StageFailure.usage(e.getMessage());
        }
    }

    /** Parses the arguments; a usage problem is an IllegalArgumentException with the message to print. */
    public static StepArgs parse(String step, String[] args, String... allowedFlags) throws IOException {
        return parse(step, args, new Properties(), allowedFlags);
    }

    private static StepArgs parse(String step, String[] args, Properties commandLine, String... allowedFlags)
            throws IOException {
        String configFile = null;
        LocalDate date = null;
        List<String> names = new ArrayList<String>();
        Set<String> flags = new HashSet<String>();
        try {
            for (int i = 0; i < args.length; i++) {
                if (Arrays.asList(allowedFlags).contains(args[i])) {
                    flags.add(args[i]);
                } else if ("--config".equals(args[i])) {
                    configFile = args[++i];
                } else if ("--date".equals(args[i])) {
                    date = LocalDate.parse(args[++i]);
                } else if ("--table".equals(args[i])) {
                    names.add(args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("an option lacks its value");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date takes YYYY-MM-DD: " + e.getParsedString());
        }
        if (configFile == null || date == null) {
            StringBuilder usage = new StringBuilder("usage: " + step + " --config FILE --date YYYY-MM-DD [--table T ...]");
            for (String f : allowedFlags) {
                usage.append(" [").append(f).append(']');
            }
            throw new IllegalArgumentException(usage.toString());
        }
        IngestConfig config = IngestConfig.load(Paths.get(configFile)).with(commandLine);
        Catalog catalog;
        List<TableSpec> tables = new ArrayList<TableSpec>();
        try {
            catalog = IngestMain.catalog(config);
            for (String t : names.isEmpty() ? catalog.names() : names) {
                tables.add(catalog.table(t));
            }
        } catch (CatalogException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new StepArgs(config, date, catalog, tables, flags);
    }

    /** The value after {@code name} on a command line, or null when it is not there. */
    public static String value(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** Writes the step's output properties where the Oozie launcher (or the local runner) reads them, if asked. */
    public static void captureOutput(Properties p) throws IOException {
        String file = System.getProperty("oozie.action.output.properties");
        if (file != null) {
            try (OutputStream out = Files.newOutputStream(Paths.get(file))) {
                p.store(out, "");
            }
        }
    }
}
