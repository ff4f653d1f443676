package org.campuslake.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the local services (MariaDB with the erp and summary schemas) in the background.")
final class UpCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "MariaDB port (default: $LAKE_DB_PORT or 3307).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        LakeContext ctx = new LakeContext();
        ctx.localDatabase(port);
        StatusCommand.print(ctx);
        return 0;
    }
}
