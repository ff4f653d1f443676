package org.campuslake.ingest.stage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.logaggregation.ContainerLogsRequest;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileController;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileControllerFactory;
import org.campuslake.ingest.StepArgs;

/**
 * The first node of every workflow's error path ({@code FailureLine --node N --external-id ID --owner USER
 * --error TEXT}): finds the failed stage's own line, so the e-mail and the kill message name the table, step and
 * key. On a cluster Oozie's error for a java or shell action is only {@code Main Class [...], exit code [N]}; the
 * stage's line is in its launcher's stdout, which YARN has aggregated to the file system once the launcher ended.
 * Output properties {@code failure.node} and {@code failure.detail}: {@code ": <line>"}, or empty when the error already ends with the line
 * (the local runner puts it there) or no line can be found. It never fails the workflow's error path: whatever
 * goes wrong while looking leaves the detail empty.
 */
public final class FailureLine extends Stage {
    /** The output properties: the failed node's name, and what to add to its error. */
    public static final String NODE_KEY = "failure.node";
    public static final String DETAIL_KEY = "failure.detail";
    /** Oozie's whole error for a main that exited non-zero: no line of the stage's own. */
    private static final Pattern BARE_EXIT = Pattern.compile(".*exit code \\[-?\\d+\\]\\s*$", Pattern.DOTALL);
    /** The log aggregation of a launcher that just ended takes a few seconds; wait at most this long. */
    private static final long WAIT_MS = 60_000;

    /** The aggregated stdout of a YARN application, or null when it is not (yet) there. */
    public interface Logs {
        String stdout(String applicationId, String owner) throws IOException;
    }

    public static void main(String[] args) {
        Stage.main(new FailureLine(), args);
    }

    @Override
    protected String name() {
        return "failure line";
    }

    @Override
    protected ExitCode execute(String[] args) throws IOException, StageFailure {
        String node = StepArgs.value(args, "--node");
        String error = StepArgs.value(args, "--error");
        if (node == null || error == null) {
            throw StageFailure.usage("usage: FailureLine --node NODE --error TEXT [--external-id ID] [--owner USER]");
        }
        Configuration conf = getConf() == null ? new Configuration() : getConf();
        String detail = detail(error, StepArgs.value(args, "--external-id"), StepArgs.value(args, "--owner"),
                new YarnLogs(conf), WAIT_MS);
        Properties out = new Properties();
        out.setProperty(NODE_KEY, node);
        out.setProperty(DETAIL_KEY, detail);
        StepArgs.captureOutput(out);
        System.out.println(node + " failed: " + error + detail);
        return ExitCode.OK;
    }

    /** The text to add to {@code error}: the failed launcher's last main line, or empty. */
    public static String detail(String error, String externalId, String owner, Logs logs, long waitMs) {
        if (!BARE_EXIT.matcher(error).matches() || externalId == null || !externalId.startsWith("application_")) {
            return "";
        }
        long deadline = System.currentTimeMillis() + waitMs;
        while (true) {
            try {
                String line = LauncherLog.lastMainLine(logs.stdout(externalId, owner));
                if (line != null) {
                    return ": " + line;
                }
            } catch (IOException | RuntimeException e) {
                // Not aggregated yet, or unreadable: the same answer as no line, after the wait.
                System.err.println("failure line: the logs of " + externalId + " are not readable yet: " + e);
            }
            if (System.currentTimeMillis() >= deadline) {
                return "";
            }
            try {
                Thread.sleep(Math.min(5_000, Math.max(1, waitMs / 4)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
        }
    }

    /** The launcher's {@code stdout} the way {@code yarn logs -applicationId A -log_files stdout} reads it. */
    static final class YarnLogs implements Logs {
        private final Configuration conf;

        YarnLogs(Configuration conf) {
            this.conf = conf;
        }

        @Override
        public String stdout(String applicationId, String owner) throws IOException {
            ApplicationId app = ApplicationId.fromString(applicationId);
            String user = owner == null || owner.isEmpty()
                    ? org.apache.hadoop.security.UserGroupInformation.getCurrentUser().getShortUserName() : owner;
            LogAggregationFileController reader =
                    new LogAggregationFileControllerFactory(conf).getFileControllerForRead(app, user);
            ContainerLogsRequest request = new ContainerLogsRequest();
            request.setAppId(app);
            request.setAppOwner(user);
            request.setAppFinished(true);
            request.setLogTypes(Collections.singleton("stdout"));
            request.setBytes(Long.MAX_VALUE);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            return reader.readAggregatedLogs(request, text) ? new String(text.toByteArray(), StandardCharsets.UTF_8)
                    : null;
        }
    }
}
