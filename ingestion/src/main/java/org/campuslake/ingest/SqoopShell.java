package org.campuslake.ingest;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.sqoop.Sqoop;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;

/**
 * The Sqoop 1.4.7 command line on the lake's ERP, for people (lake sqoop; the classroom's lab 1):
 * {@code SqoopShell --config FILE --metastore DIR TOOL [ARGS...]} runs {@code sqoop TOOL ARGS} with the ingest
 * settings' Hadoop configuration, and adds the ERP's {@code --connect}, {@code --username} and
 * {@code --password-file} when a tool that reads a database is given none: the password stays in its file. Saved
 * jobs ({@code sqoop job}) go to an HSQLDB file metastore in DIR, as {@code ~/.sqoop} would hold them.
 */
public final class SqoopShell extends Stage {
    /** The tools that open a JDBC connection, and so take the connection arguments. */
    static final List<String> CONNECTING = Arrays.asList("import", "import-all-tables", "export", "eval",
            "list-tables", "list-databases", "codegen", "merge-import");

    public static void main(String[] args) {
        System.exit(Stage.launch(new SqoopShell(), args, System.out, System.err, false));
    }

    @Override
    protected String name() {
        return "sqoop";
    }

    @Override
    protected ExitCode execute(String[] args) throws Exception {
        String configFile = StepArgs.value(args, "--config");
        String metastore = StepArgs.value(args, "--metastore");
        if (configFile == null || metastore == null || args.length < 5 || !args[0].startsWith("--")
                || !args[2].startsWith("--")) {
            throw StageFailure.usage("usage: SqoopShell --config FILE --metastore DIR TOOL [ARGS...]");
        }
        IngestConfig config = IngestConfig.load(Paths.get(configFile));
        List<String> sqoop = withConnection(Arrays.asList(args).subList(4, args.length), config.jdbcUrl(),
                config.user(), SqoopImporter.passwordFileUri(config.passwordFile()));
        Configuration conf = new Configuration(config.hadoop());
        // shutdown=true: the file is complete on disk when this JVM ends, for the next one to read
        conf.set("sqoop.metastore.client.autoconnect.url",
                "jdbc:hsqldb:file:" + Paths.get(metastore, "metastore.db").toAbsolutePath() + ";shutdown=true");
        conf.setBoolean("sqoop.metastore.client.record.password", false);
        conf.setBoolean("mapreduce.fileoutputcommitter.marksuccessfuljobs", true); // as a plain sqoop import leaves it
        int rc = Sqoop.runTool(sqoop.toArray(new String[0]), conf);
        return rc == 0 ? ExitCode.OK : ExitCode.FAILED;
    }

    /**
     * The arguments with the ERP's connection inserted after the tool's name, or for a saved job's definition
     * ({@code job --create NAME -- import ...}) after the tool that follows {@code --}; unchanged when they name a
     * connection already or the tool opens none.
     */
    static List<String> withConnection(List<String> args, String url, String user, String passwordFile) {
        if (args.contains("--connect")) {
            return args;
        }
        int dashes = args.indexOf("--");
        int tool = args.get(0).equals("job") ? (dashes < 0 ? -1 : dashes + 1) : 0;
        if (tool < 0 || tool >= args.size() || !CONNECTING.contains(args.get(tool))) {
            return args;
        }
        List<String> out = new ArrayList<String>(args.subList(0, tool + 1));
        out.addAll(Arrays.asList("--connect", url, "--username", user, "--password-file", passwordFile));
        out.addAll(args.subList(tool + 1, args.size()));
        return out;
    }
}
