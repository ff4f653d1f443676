package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code hive2} action as Oozie's Hive2Main runs it: Beeline (the environment's hive2 launcher) connected to
 * the action's {@code <jdbc-url>}, with {@code -n} the workflow's user, the {@code <script>} ({@code -f}) or
 * {@code <query>} ({@code -e}), each {@code <param>} as {@code --hivevar} and the {@code <argument>}s as further
 * Beeline options. Locally the URL names the running Spark Thrift Server, so an action pays for a Beeline client,
 * not for a Spark JVM of its own.
 */
final class Hive2ActionExecutor extends JavaActionExecutor {
    /**
     * One hive2 action at a time per runner: Beeline sessions opened side by side on the Spark Thrift Server race
     * to set up their session's metastore client. HiveServer2 on a cluster has no such limit.
     */
    private static final Object SESSIONS = new Object();

    Hive2ActionExecutor(LocalEnvironment env, ActionExecutors.Processes processes, Path launcherClasses) {
        super(env, processes, launcherClasses);
    }

    @Override
    String launcherKind() {
        return "hive2";
    }

    @Override
    List<String> jvmOptions(Attempt a) {
        return env.launcher("hive2").jvmOptions();
    }

    @Override
    boolean withApplicationLib() {
        return false;
    }

    @Override
    Object serialisedBy() {
        return SESSIONS;
    }

    @Override
    String unsupported(Attempt a) {
        if (Xml.childText(a.body(), "script") == null && Xml.childText(a.body(), "query") == null) {
            return "a hive2 action needs a <script> or a <query>";
        }
        return null;
    }

    @Override
    List<String> arguments(Attempt a) throws IOException {
        List<String> args = new ArrayList<>();
        args.add("-u");
        args.add(a.eval().apply(Xml.childText(a.body(), "jdbc-url")));
        args.add("-n");
        args.add(a.eval().apply("${wf:user()}"));
        String script = Xml.childText(a.body(), "script");
        if (script != null) {
            args.add("-f");
            args.add(LocalPaths.of(a.app(), a.eval().apply(script)).toString());
        } else {
            args.add("-e");
            args.add(a.eval().apply(Xml.childText(a.body(), "query")));
        }
        for (String p : Xml.childTexts(a.body(), "param")) {
            args.add("--hivevar");
            args.add(a.eval().apply(p));
        }
        for (String arg : Xml.childTexts(a.body(), "argument")) {
            args.add(a.eval().apply(arg));
        }
        args.addAll(env.launcher("hive2").extraArgs());
        return args;
    }

    /** Beeline writes a failed statement's error to stderr, as {@code Error: ... (state=...,code=...)}. */
    @Override
    String failureDetail(String stdout, Path log) throws IOException {
        if (Files.exists(log)) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("Error: ")) {
                    String e = lines.get(i).strip();
                    return ": " + (e.length() > 600 ? e.substring(0, 600) + "..." : e); // a plan can follow
                }
            }
        }
        return super.failureDetail(stdout, log);
    }

    @Override
    String describe(Attempt a) {
        return "Beeline on " + a.eval().apply(Xml.childText(a.body(), "jdbc-url")) + ",";
    }
}
