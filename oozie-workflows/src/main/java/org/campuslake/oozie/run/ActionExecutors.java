package org.campuslake.oozie.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The action types the local runner runs, one executor each, and the processes they have running. */
final class ActionExecutors {
    private final Map<String, ActionExecutor> executors;
    private final Processes processes = new Processes();

    ActionExecutors(LocalEnvironment env, Path sparkSubmitDir) throws IOException {
        Path launcher = launcherClasses(env);
        this.executors = Map.of(
                "java", new JavaActionExecutor(env, processes, launcher),
                "sqoop", new SqoopActionExecutor(env, processes, launcher),
                "hive2", new Hive2ActionExecutor(env, processes, launcher),
                "shell", new ShellActionExecutor(env, processes, sparkSubmitDir),
                "email", new EmailActionExecutor(),
                "fs", new FsActionExecutor());
    }

    ActionExecutor.Outcome run(ActionExecutor.Attempt attempt) throws IOException, InterruptedException {
        ActionExecutor e = executors.get(attempt.action().type());
        if (e == null) {
            return ActionExecutor.Outcome.failed("E0712", "the local runner does not run "
                    + attempt.action().type() + " actions");
        }
        return e.run(attempt);
    }

    /** Stops every running action process (the workflow was killed). */
    void killAll() {
        processes.killAll();
    }

    /**
     * {@link LauncherMain} alone in a folder of the lake home's, so that it joins an action JVM's classpath without
     * the rest of this module.
     */
    private static Path launcherClasses(LocalEnvironment env) throws IOException {
        String name = LauncherMain.class.getName().replace('.', '/') + ".class";
        Path dir = env.lakeHome().resolve("tmp").resolve("oozie-launcher");
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = LauncherMain.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the runner's classpath");
            }
            Path tmp = Files.createTempFile(target.getParent(), "LauncherMain", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return dir;
    }

    /** The action processes running now, killed together when the workflow is. */
    static final class Processes {
        private final Set<Process> running = ConcurrentHashMap.newKeySet();
        private volatile boolean killed;

        boolean killed() {
            return killed;
        }

        void add(Process p) {
            running.add(p);
        }

        void remove(Process p) {
            running.remove(p);
        }

        void killAll() {
            killed = true;
            for (Process p : running) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
        }
    }
}
