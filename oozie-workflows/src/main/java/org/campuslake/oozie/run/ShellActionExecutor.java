package org.campuslake.oozie.run;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code shell} action: the {@code <exec>} program in the working folder (a localised {@code <file>}) or on
 * the PATH, with a {@code spark-submit} of the local runner's first on the PATH. Its standard output is the
 * captured output, and its exit code the error code, as with Oozie's ShellMain.
 */
final class ShellActionExecutor extends JavaActionExecutor {
    private final Path sparkSubmitDir;

    ShellActionExecutor(LocalEnvironment env, ActionExecutors.Processes processes, Path sparkSubmitDir) {
        super(env, processes, null);
        this.sparkSubmitDir = sparkSubmitDir;
    }

    @Override
    List<String> command(Attempt a, Path output, Path errors) {
        List<String> cmd = new ArrayList<>();
        String exec = a.eval().apply(Xml.childText(a.body(), "exec"));
        Path local = a.work().resolve(exec);
        if (Files.isRegularFile(local)) {
            local.toFile().setExecutable(true);
            cmd.add(local.toString());
        } else {
            cmd.add(exec);
        }
        for (String arg : Xml.childTexts(a.body(), "argument")) {
            cmd.add(a.eval().apply(arg));
        }
        return cmd;
    }

    @Override
    Map<String, String> environment(Attempt a) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String kv : Xml.childTexts(a.body(), "env-var")) {
            String v = a.eval().apply(kv);
            int eq = v.indexOf('=');
            environment.put(v.substring(0, eq), v.substring(eq + 1));
        }
        environment.put("PATH", sparkSubmitDir + File.pathSeparator + System.getenv("PATH"));
        return environment;
    }

    @Override
    String capturedOutput(Path output, String stdout) {
        return stdout;
    }

    @Override
    String describe(Attempt a) {
        return "Command [" + Path.of(a.eval().apply(Xml.childText(a.body(), "exec"))).getFileName() + "],";
    }
}
