package org.campuslake.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the local services. Data stays under the lake home for the next 'lake up'.")
final class DownCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        LakeContext ctx = new LakeContext();
        if (new ThriftService(ctx).stop()) {
            ctx.out.println("Spark Thrift Server stopped.");
        }
        if (ctx.services.stop(ctx.err::println)) {
            ctx.out.println("Local services stopped (data kept in " + ctx.home.root() + ").");
        } else {
            ctx.out.println("Local services were not running.");
        }
        return 0;
    }
}
