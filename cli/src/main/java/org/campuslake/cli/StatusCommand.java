package org.campuslake.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.local.ServicesState;
import org.campuslake.seed.SimulationInfo;
import picocli.CommandLine.Command;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the local services and how to connect to them (JDBC URL, BI tool settings).",
            "Exit code 3 when the services are not running."})
final class StatusCommand implements Callable<Integer> {
    static final int NOT_RUNNING = 3;

    @Override
    public Integer call() {
        return print(new LakeContext()) ? 0 : NOT_RUNNING;
    }

    static boolean print(LakeContext ctx) {
        Optional<ServicesState> running = ctx.services.running();
        ctx.out.println("Campus Lake local services (home: " + ctx.home.root() + ")");
        if (running.isEmpty() || !ServicesState.READY.equals(running.get().status())) {
            ctx.out.println("  MariaDB " + EmbeddedMariaDb.MARIADB_VERSION + ": not running (start with: ./lake up)");
            return false;
        }
        ServicesState s = running.get();
        MariaDbEndpoint db = ctx.services.endpoint(s);
        String uptime = "";
        try {
            Duration d = Duration.between(Instant.parse(s.startedAt()), Instant.now());
            uptime = String.format(", up %dh%02dm", d.toHours(), d.toMinutesPart());
        } catch (RuntimeException ignored) {
            // no start time: leave it out
        }
        ctx.out.println("  MariaDB " + EmbeddedMariaDb.MARIADB_VERSION + ": running on 127.0.0.1:" + s.port()
                + " (pid " + s.pid() + uptime + ")");
        ctx.out.println("  Hive metastore (Derby): running on 127.0.0.1:" + s.metastorePort());
        new ThriftService(ctx).running().ifPresentOrElse(
                t -> ctx.out.println("  Spark Thrift Server: running on 127.0.0.1:" + t[1] + " (pid " + t[0] + "), Beeline:"
                        + " ./lake beeline, JDBC: " + ThriftService.jdbcUrl(t[1])),
                () -> ctx.out.println("  Spark Thrift Server: not running (./lake beeline starts it)"));
        ctx.out.println();
        ctx.out.println("  Power BI ('MySQL database' connector, or: ./lake bi pbids):");
        ctx.out.println("    server     127.0.0.1:" + s.port() + ", database summary (the bi_* views)");
        ctx.out.println("    user       " + EmbeddedMariaDb.BI_USER + " (read-only), password in "
                + db.passwordFile(EmbeddedMariaDb.BI_USER));
        ctx.out.println("  Pipeline account (DBeaver, mysql client, JDBC):");
        ctx.out.println("    server     127.0.0.1:" + s.port());
        ctx.out.println("    databases  summary (KPIs for BI), erp (the source ERP)");
        ctx.out.println("    user       " + EmbeddedMariaDb.ETL_USER);
        ctx.out.println("    password   in " + db.passwordFile(EmbeddedMariaDb.ETL_USER) + " (readable by you only)");
        ctx.out.println("    JDBC URL   " + db.jdbcUrl("summary"));
        ctx.out.println("    TLS        off (local loopback only)");
        ctx.out.println();
        try (Connection c = db.connect(EmbeddedMariaDb.ETL_USER, null)) {
            ctx.out.println("  Schemas: erp " + tableCount(c, "erp") + " tables, summary " + tableCount(c, "summary")
                    + " tables");
            Optional<SimulationInfo> info = SimulationInfo.read(c);
            ctx.out.println("  ERP: " + info.map(i -> "seeded (" + SimulationInfo.describe(i.config()) + "), clock "
                    + i.clock()).orElse("not seeded yet (run: ./lake seed)"));
        } catch (SQLException e) {
            ctx.out.println("  (cannot query the server: " + Messages.oneLine(e) + ")");
        }
        return true;
    }

    private static int tableCount(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                     + schema + "' AND table_type = 'BASE TABLE'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
