package org.campuslake.dashboard;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard: the page (index.html, its script and ECharts, all from this jar) and three JSON endpoints over the
 * summary database, read with the read-only BI account.
 * <ul>
 *   <li>{@code GET /api/filters}: the published snapshot dates, campuses, regions and promotions;</li>
 *   <li>{@code GET /api/panels?date=&campus=&region=&promotion=}: every panel's figures;</li>
 *   <li>{@code GET /api/latest}: the latest published snapshot, which an open page polls.</li>
 * </ul>
 * A malformed or unknown parameter gets 400 and a message; a database failure gets 503 and a message, its detail
 * only in the log.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

    /**
     * Where the summary database is and how to log in; the password is read from a file, never given inline.
     *
     * @param jdbcUrl      e.g. {@code jdbc:mysql://127.0.0.1:3307/summary?sslMode=DISABLED}
     * @param passwordFile a file holding the password only
     */
    public record Database(String jdbcUrl, String user, Path passwordFile) {
        Connection connect() throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", user);
            try {
                p.setProperty("password", Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
            } catch (java.io.IOException e) {
                throw new SQLException("cannot read the password file " + passwordFile + ": " + e.getMessage(), e);
            }
            p.setProperty("connectTimeout", "5000");
            return DriverManager.getConnection(jdbcUrl, p);
        }
    }

    private final Database db;
    private final int pollSeconds;
    private Javalin app;

    public DashboardServer(Database db, int pollSeconds) {
        this.db = db;
        this.pollSeconds = pollSeconds;
    }

    /** Starts listening on {@code host:port} (0: any free port); returns the port. */
    public int start(String host, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/dashboard";
                sf.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        app.get("/api/filters", ctx -> ctx.json(filters()));
        app.get("/api/panels", ctx -> {
            try (Connection c = db.connect()) {
                Filters.Choices choices = Panels.choices(c);
                ctx.json(Panels.all(c, Filters.parse(ctx.queryParamMap(), choices), choices));
            }
        });
        app.get("/api/latest", ctx -> {
            try (Connection c = db.connect()) {
                List<Map<String, Object>> r = Panels.rows(c, "SELECT MAX(`Snapshot Date`) AS latest,"
                        + " MAX(`Published At`) AS published_at FROM summary.bi_snapshots");
                ctx.json(r.get(0));
            }
        });
        app.exception(Filters.BadRequest.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(SQLException.class, (e, ctx) -> {
            if ("42S02".equals(e.getSQLState())) { // no such table or view: a summary database without V006
                LOG.warn("{}: {}", ctx.path(), e.getMessage());
                error(ctx, 503, "the summary database has no dashboard views yet (" + e.getMessage()
                        + "): apply the summary DDL, which lake up, lake deploy and lake demo do");
                return;
            }
            LOG.error("reading the summary database for {} failed", ctx.path(), e);
            error(ctx, 503, "the summary database could not be read (" + e.getClass().getSimpleName()
                    + "); the dashboard's log has the detail");
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} failed", ctx.path(), e);
            error(ctx, 500, "the dashboard failed on this request; its log has the detail");
        });
        app.start(host, port);
        return app.port();
    }

    private Map<String, Object> filters() throws SQLException {
        try (Connection c = db.connect()) {
            Filters.Choices ch = Panels.choices(c);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dates", ch.dates());
            List<Map<String, Object>> campuses = options(ch.campuses());
            // Each campus names its region, so the page can narrow the campus list to the chosen region.
            campuses.forEach(o -> o.put("region", ch.campusRegion().get((Integer) o.get("key"))));
            out.put("campuses", campuses);
            out.put("regions", options(ch.regions()));
            out.put("promotions", options(ch.promotions()));
            out.put("pollSeconds", pollSeconds);
            return out;
        }
    }

    private static List<Map<String, Object>> options(Map<Integer, String> m) {
        return m.entrySet().stream().map(e -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("key", e.getKey());
            o.put("name", e.getValue());
            return o;
        }).toList();
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
