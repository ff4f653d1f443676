package org.campuslake.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.campuslake.local.MariaDbEndpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "sqoop",
        description = {"Run the real Sqoop 1.4.7 command line on the local ERP: lake sqoop TOOL [ARGS...], as sqoop"
            + " TOOL ARGS on a cluster's edge (lake sqoop help lists the tools; lake sqoop import --help one tool's"
            + " arguments).",
            "The ERP's --connect, --username and --password-file are added when you give none (the password stays in"
                + " its file under .lake/secrets/). Hadoop runs in local mode: a relative --target-dir is under"
                + " .lake/home/, as a cluster's is under your HDFS home; saved jobs (sqoop job) are kept in"
                + " .lake/sqoop/."})
final class SqoopCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Unmatched
    List<String> args = new ArrayList<>();

    private static final String MAIN = "org.campuslake.ingest.SqoopShell";

    @Override
    public Integer call() throws Exception {
        LakeContext ctx = new LakeContext();
        if (args.isEmpty()) {
            args = List.of("help");
        }
        return StageJvm.runInteractive("ingestion", MAIN, jvm(ctx), stage(ctx, args), homeDir(ctx));
    }

    /** The shell's arguments: the local ingest settings, the metastore, then Sqoop's. */
    private static List<String> stage(LakeContext ctx, List<String> sqoop) throws Exception {
        MariaDbEndpoint db = ctx.localDatabase(null);
        Path config = ImportCommand.writeLocalConfig(ctx, db);
        Files.createDirectories(homeDir(ctx));
        Path metastore = Files.createDirectories(ctx.home.root().resolve("sqoop"));
        List<String> out = new ArrayList<>(List.of("--config", config.toString(), "--metastore", metastore.toString()));
        out.addAll(sqoop);
        return out;
    }

    private static List<String> jvm(LakeContext ctx) {
        return List.of("-Xmx768m", "-Djava.io.tmpdir=" + ctx.home.tmp());
    }

    /** What a program (the labs) gets of a Sqoop run: its exit code and standard output. */
    record Output(int exit, List<String> lines) {
        /** The output of a run that had to succeed. */
        List<String> orFail(List<String> sqoop, LakeContext ctx) {
            if (exit != 0) {
                throw new IllegalStateException("sqoop " + String.join(" ", sqoop) + " failed (exit code " + exit
                        + "; its log: " + ctx.home.logs().resolve("sqoop.log") + ")");
            }
            return lines;
        }
    }

    /** Runs Sqoop for a program (the labs); its log goes to .lake/logs/sqoop.log. */
    static Output capture(LakeContext ctx, List<String> sqoop) throws Exception {
        Path out = Files.createTempFile(ctx.home.tmp(), "sqoop", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(StageJvm.command("ingestion", MAIN, jvm(ctx), stage(ctx, sqoop)))
                    .directory(homeDir(ctx).toFile()).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(Files.createDirectories(ctx.home.logs())
                            .resolve("sqoop.log").toFile()));
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            int rc = pb.start().waitFor();
            return new Output(rc, Files.readAllLines(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A saved job's properties, as sqoop job --show lists them ("key = value" lines); empty when there is none. */
    static java.util.Map<String, String> savedJob(LakeContext ctx, String name) throws Exception {
        java.util.Map<String, String> props = new java.util.TreeMap<>();
        // A job that is not there fails --show: no properties.
        for (String line : capture(ctx, List.of("job", "--show", name)).lines()) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                props.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
            }
        }
        return props;
    }

    /** Where a relative Sqoop path lands locally: the local stand-in for a user's HDFS home. */
    static Path homeDir(LakeContext ctx) {
        return ctx.home.root().resolve("home");
    }
}
