package org.campuslake.dashboard;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The dashboard as a service (a cluster's edge host): {@code DashboardMain dashboard.properties}, with the keys
 * {@code dashboard.jdbc.url}, {@code dashboard.user} (bi_reader), {@code dashboard.password.file} and, optional,
 * {@code dashboard.host} (127.0.0.1), {@code dashboard.port} (8765), {@code dashboard.poll.seconds} (10).
 * Locally, {@code lake dashboard} runs the same server.
 */
public final class DashboardMain {
    private DashboardMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DashboardMain dashboard.properties");
            System.exit(2);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            System.err.println("dashboard: cannot read " + args[0] + ": " + e.getMessage());
            System.exit(2);
        }
        DashboardServer.Database db = new DashboardServer.Database(required(p, "dashboard.jdbc.url"),
                p.getProperty("dashboard.user", "bi_reader"), Path.of(required(p, "dashboard.password.file")));
        String host = p.getProperty("dashboard.host", "127.0.0.1");
        DashboardServer server = new DashboardServer(db, Integer.parseInt(p.getProperty("dashboard.poll.seconds", "10")));
        int port = server.start(host, Integer.parseInt(p.getProperty("dashboard.port", "8765")));
        System.out.println("Campus Lake dashboard: http://" + host + ":" + port + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            System.err.println("dashboard: " + key + " is not set");
            System.exit(2);
        }
        return v.strip();
    }
}
