package org.campuslake.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.campuslake.dashboard.DashboardServer;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.MariaDbEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serve the web dashboard over the local summary database (read-only, as bi_reader) until"
            + " Ctrl-C. Open the address it prints in any browser; filters live in the URL, and a snapshot published"
            + " while a page is open appears on it."})
final class DashboardCommand implements Callable<Integer> {
    static final int DEFAULT_PORT = 8765;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "10",
            description = "How often an open page looks for a new snapshot (default: ${DEFAULT-VALUE}).")
    int poll;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535 || poll < 1) {
            throw new IllegalArgumentException("--port must be 0-65535 and --poll at least 1");
        }
        LakeContext ctx = new LakeContext();
        MariaDbEndpoint db = ctx.localDatabase(null);
        DashboardServer server = new DashboardServer(new DashboardServer.Database(db.jdbcUrl("summary"),
                EmbeddedMariaDb.BI_USER, db.passwordFile(EmbeddedMariaDb.BI_USER)), poll);
        int bound;
        try {
            bound = server.start("127.0.0.1", port);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot listen on 127.0.0.1:" + port + " (" + Messages.oneLine(e)
                    + "); choose another with --port");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        ctx.out.println("Campus Lake dashboard: " + url(bound) + "   (Ctrl-C stops it)");
        ctx.out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    static String url(int port) {
        return "http://127.0.0.1:" + port + "/";
    }
}
