package org.campuslake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.campuslake.oozie.run.RunRecord;
import org.campuslake.oozie.run.ServerRunner;
import org.campuslake.oozie.server.OozieServer;
import org.campuslake.seed.ErpDatabase;

/**
 * The cluster on one machine as the lake command reaches it: the addresses `lake cluster up` wrote
 * ({@code .lake/cluster/endpoints.properties}) and the cluster environment's job.properties (oozie-workflows).
 */
final class ClusterEnv {
    /** The bundle's coordinators (ingest, analytics): a date's run is over when both ran their action. */
    private static final int COORDINATORS = 2;
    private final Properties endpoints;

    private ClusterEnv(Properties endpoints) {
        this.endpoints = endpoints;
    }

    static ClusterEnv load(LakeContext ctx) throws IOException {
        Path file = ctx.home.root().resolve("cluster/endpoints.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the cluster on this machine is not up (no " + file + "): ./lake cluster up");
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return new ClusterEnv(p);
    }

    String hiveJdbcUrl() {
        return endpoints.getProperty("hive.jdbc.url");
    }

    OozieServer oozie() {
        return new OozieServer(endpoints.getProperty("oozie.url"), endpoints.getProperty("oozie.user"));
    }

    /** A JDBC connection to one of the cluster's databases (erp, summary) as the etl account. */
    Connection connect(String database) throws SQLException {
        return connect(database, endpoints.getProperty("db.user"), Path.of(endpoints.getProperty("db.password.file")),
                new Properties());
    }

    Connection connect(String database, String user, Path passwordFile, Properties extra) throws SQLException {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("user", user);
        try {
            p.setProperty("password", Files.readString(passwordFile).strip());
        } catch (IOException e) {
            throw new SQLException("cannot read the password file " + passwordFile + ": " + e.getMessage(), e);
        }
        p.setProperty("connectTimeout", "10000");
        p.setProperty("connectionTimeZone", "UTC");
        p.setProperty("forceConnectionTimeZoneToSession", "true");
        return DriverManager.getConnection(endpoints.getProperty("db.jdbc.url") + database, p);
    }

    /** The cluster's ERP, as --db-url gives it: its schemas (ERP, summary) installed first, as on any new server. */
    ErpDatabase erp() throws SQLException {
        ErpDatabase db = extra -> connect("", endpoints.getProperty("db.user"),
                Path.of(endpoints.getProperty("db.password.file")), extra);
        try (Connection c = db.open()) {
            org.campuslake.seed.schema.SchemaInstaller.install(c);
        }
        return db;
    }

    Path secret(String name) {
        return Path.of(endpoints.getProperty("db.password.file")).resolveSibling(name);
    }

    /** The cluster environment's job.properties, as deployed (oozie-workflows/target/apps/env/cluster). */
    static Map<String, String> jobProperties() throws IOException {
        Path file = StageJvm.repo().resolve("oozie-workflows/target/apps/env/cluster/job.properties");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** Runs the bundle on the cluster's Oozie server for each date in order (one bundle per date). */
    List<RunRecord> run(LakeContext ctx, List<LocalDate> dates, long timeoutMinutes) throws Exception {
        return run(ctx, dates, timeoutMinutes, Map.of());
    }

    /** @param overrides job properties of this run only (acceptRejects=true), as {@code oozie job -D} gives them */
    List<RunRecord> run(LakeContext ctx, List<LocalDate> dates, long timeoutMinutes, Map<String, String> overrides)
            throws Exception {
        OozieServer server = oozie();
        String mode = server.systemMode();
        if (!mode.equals("NORMAL")) {
            throw new IllegalStateException("the Oozie server at " + server.url() + " is in " + mode + " mode");
        }
        Map<String, String> props = new java.util.LinkedHashMap<>(jobProperties());
        props.putAll(overrides);
        String options = overrides.containsKey("acceptRejects") ? " --accept-rejects" : "";
        ServerRunner runner = runner(ctx, server);
        List<RunRecord> out = new ArrayList<>();
        for (LocalDate d : dates) {
            ctx.err.println();
            ctx.err.println("== the bundle for " + d + " on the cluster's Oozie server (" + server.url() + ")");
            RunRecord r = runner.run(props, d, "run --env cluster --date " + d + options, COORDINATORS, timeoutMinutes * 60_000);
            out.add(r);
            if (!r.status.equals("SUCCEEDED")) {
                break; // the next date's import starts from this one's watermarks
            }
        }
        return out;
    }
    /**
     * Erases one person from the cluster: the forget workflow (oozie-workflows, forget/) with the environment's
     * job.properties and the person as its parameters, followed to its end like a date's bundle.
     */
    RunRecord forget(LakeContext ctx, String kind, long id, long timeoutMinutes) throws Exception {
        OozieServer server = oozie();
        Map<String, String> props = new LinkedHashMap<>(jobProperties());
        props.put("kind", kind);
        props.put("subjectId", Long.toString(id));
        ServerRunner runner = runner(ctx, server);
        ctx.err.println("== the forget workflow on the cluster's Oozie server (" + server.url() + ")");
        return runner.runWorkflow(props, "${appRoot}/forget", "forget " + kind, "forget --env cluster --" + kind,
                timeoutMinutes * 60_000);
    }

    /** Each action's capture-output properties, by action name, as the server holds them. */
    Map<String, Map<String, String>> actionData(String workflowId) throws IOException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode n : oozie().info(workflowId).path("actions")) {
            out.put(n.path("name").asText(), ServerRunner.outputData(n.path("data").isNull() ? null : n.path("data").asText(null)));
        }
        return out;
    }

    /** Follows the server's jobs into the run history (a failed node's error gets its stage's line from FailureLine). */
    private static ServerRunner runner(LakeContext ctx, OozieServer server) {
        return new ServerRunner(server, ctx.home.root(), new ChainProgress(ctx.err), 3000);
    }
}
