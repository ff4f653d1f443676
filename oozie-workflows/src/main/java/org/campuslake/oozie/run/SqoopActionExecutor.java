package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code sqoop} action: the sharelib's Sqoop main with the action's {@code <command>} or {@code <arg>}s. */
final class SqoopActionExecutor extends JavaActionExecutor {
    SqoopActionExecutor(LocalEnvironment env, ActionExecutors.Processes processes, Path launcherClasses) {
        super(env, processes, launcherClasses);
    }

    @Override
    String launcherKind() {
        return "sqoop";
    }

    @Override
    List<String> jvmOptions(Attempt a) {
        return env.launcher("sqoop").jvmOptions();
    }

    @Override
    List<String> arguments(Attempt a) throws IOException {
        List<String> args = new ArrayList<>();
        String command = Xml.childText(a.body(), "command");
        if (command != null) {
            args.addAll(List.of(a.eval().apply(command).trim().split("\\s+")));
        }
        for (String arg : Xml.childTexts(a.body(), "arg")) {
            args.add(a.eval().apply(arg));
        }
        return args;
    }

    @Override
    String describe(Attempt a) {
        return "Sqoop,";
    }
}
