package org.campuslake.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the local services in the background: MariaDB (erp, summary), the Hive metastore (Derby)"
            + " and the Spark Thrift Server for Beeline.", "--no-thrift leaves the Thrift Server off (it starts on"
            + " demand with lake beeline)."})
final class UpCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "MariaDB port (default: $LAKE_DB_PORT or 3307).")
    Integer port;

    @Option(names = "--no-thrift", description = "Do not start the Spark Thrift Server (saves ~1.5 GB of memory).")
    boolean noThrift;

    @Override
    public Integer call() throws Exception {
        LakeContext ctx = new LakeContext();
        ctx.localDatabase(port);
        if (!noThrift) {
            new ThriftService(ctx).ensureRunning(ctx.services.running().orElseThrow());
        }
        StatusCommand.print(ctx);
        return 0;
    }
}
