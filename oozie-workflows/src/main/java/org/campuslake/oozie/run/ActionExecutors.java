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
     * {@link LauncherMain} alone in a jar of the lake home's, so that it joins an action JVM's classpath without the
     * rest of this module. A jar, not a folder, and rewritten only when its content changed: a class-data archive
     * covers jars only, and is valid while their time stays the same.
     */
    private static Path launcherClasses(LocalEnvironment env) throws IOException {
        String name = LauncherMain.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = LauncherMain.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the runner's classpath");
            }
            bytes = in.readAllBytes();
        }
        java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(jar)) {
            java.util.jar.JarEntry e = new java.util.jar.JarEntry(name);
            e.setTime(0); // the same bytes for the same class, whenever written
            out.putNextEntry(e);
            out.write(bytes);
            out.closeEntry();
        }
        Path target = env.lakeHome().resolve("tmp").resolve("oozie-launcher.jar");
        Files.createDirectories(target.getParent());
        if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), jar.toByteArray())) {
            return target;
        }
        Path tmp = Files.createTempFile(target.getParent(), "oozie-launcher", ".tmp");
        Files.write(tmp, jar.toByteArray());
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
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
