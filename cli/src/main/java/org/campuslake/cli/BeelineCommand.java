package org.campuslake.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.campuslake.local.ServicesState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "beeline", mixinStandardHelpOptions = true,
        description = {"Open a real Beeline (Hive 3.1.3) on the local Spark Thrift Server: the raw, curated and"
            + " analytics databases, as on a cluster's HiveServer2.",
            "$${lake_root} in a statement is the local lake (file:/.../.lake/lake), as in the project's scripts.",
            "Without -e or -f: an interactive session. Extra arguments after -- go to Beeline (e.g. -- --outputformat=csv2)."})
final class BeelineCommand implements Callable<Integer> {
    @Option(names = "-e", paramLabel = "SQL", description = "Run this and exit.")
    String sql;

    @Option(names = "-f", paramLabel = "FILE", description = "Run this file and exit.")
    Path file;

    @Parameters(paramLabel = "BEELINE_ARGS", description = "More Beeline arguments.")
    List<String> extra = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        LakeContext ctx = new LakeContext();
        ctx.localDatabase(null);
        ServicesState services = ctx.services.running().orElseThrow();
        long port = new ThriftService(ctx).ensureRunning(services);
        // ${lake_root} in a statement is the local lake, as in the project's scripts (lake hive sets it too).
        List<String> args = new ArrayList<>(List.of("-u", ThriftService.jdbcUrl(port), "-n",
                System.getProperty("user.name"), "--hivevar", "lake_root=" + HiveCommand.lakeRoot(ctx)));
        if (sql != null) {
            args.addAll(List.of("-e", sql));
        }
        if (file != null) {
            args.addAll(List.of("-f", file.toAbsolutePath().toString()));
        }
        args.addAll(extra);
        return StageJvm.runInteractive("beeline", "org.apache.hive.beeline.BeeLine", List.of("-Xmx512m"), args);
    }
}
