package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.w3c.dom.Element;

/**
 * Runs the actions of one type, as Oozie has one {@code ActionExecutor} per action type: the launcher-based ones
 * ({@link JavaActionExecutor} and its Sqoop, Hive2 and shell kin) in a process of their own, {@code fs} and
 * {@code email} in the runner itself, as the Oozie server runs them.
 */
abstract class ActionExecutor {
    /**
     * The error codes {@code retry-max} retries, Oozie's default {@code
     * oozie.service.LiteWorkflowStoreService.user.retry.error.code}: an exception thrown by a main (JA018), a
     * launcher that could not start (JA009, JA017, JA019), a missing file (JA008), a file system error (FS008,
     * FS009). A main that exits with a code of its own fails for good, on the server as here.
     */
    static final Set<String> RETRIED = Set.of("JA008", "JA009", "JA017", "JA018", "JA019", "FS008", "FS009");

    /** What an attempt gave: ok with the captured properties, or an Oozie-style error code and message. */
    record Outcome(boolean ok, Map<String, String> data, String errorCode, String error) {
        static Outcome ok(Map<String, String> data) {
            return new Outcome(true, data, null, null);
        }

        static Outcome failed(String errorCode, String error) {
            return new Outcome(false, Map.of(), errorCode, error);
        }

        boolean retryable() {
            return !ok && RETRIED.contains(errorCode);
        }
    }

    /**
     * One attempt of one action.
     *
     * @param eval   evaluates {@code ${...}} in the action's scope (an EL error is the action's error)
     * @param global the workflow's {@code <global>} (name node, resource manager, configuration), or null
     * @param work   the attempt's own working folder, empty at the start
     * @param log    the action's log file (appended to)
     */
    record Attempt(WorkflowApp app, WorkflowApp.Action action, UnaryOperator<String> eval, Element global, Path work,
                   Path log) {
        Element body() {
            return action.body();
        }
    }

    abstract Outcome run(Attempt attempt) throws IOException, InterruptedException;
}
