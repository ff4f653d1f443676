package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code hive2} action: the script with the same {@code <param>} values, through the environment's HiveQL
 * main on the shared metastore. {@code <jdbc-url>} names the cluster's HiveServer2 and is not used here.
 */
final class Hive2ActionExecutor extends JavaActionExecutor {
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
    String unsupported(Attempt a) {
        if (Xml.childText(a.body(), "script") == null) {
            return "hive2 actions with <query> are not supported locally";
        }
        if (!Xml.children(a.body(), "argument").isEmpty()) {
            return "hive2 <argument>s (Beeline options) are not supported locally";
        }
        return null;
    }

    @Override
    List<String> arguments(Attempt a) throws IOException {
        List<String> args = new ArrayList<>();
        args.add("-f");
        args.add(LocalPaths.of(a.app(), a.eval().apply(Xml.childText(a.body(), "script"))).toString());
        for (String p : Xml.childTexts(a.body(), "param")) {
            args.add("--hivevar");
            args.add(a.eval().apply(p));
        }
        args.addAll(env.launcher("hive2").extraArgs());
        return args;
    }

    @Override
    String describe(Attempt a) {
        return "Hive script,";
    }
}
