package org.campuslake.oozie.run;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * The {@code java} action, and the base of every action that runs in a launcher (Sqoop, Hive2, shell), as in
 * Oozie: the action's own JVM, its own working folder with the action's {@code <file>}s in it, its Hadoop
 * configuration in {@code action.xml}, the application's {@code lib/} jars first on the classpath, then what the
 * cluster's sharelib would give ({@link LocalEnvironment.Launcher}). Captured output is read back as the action's
 * data.
 */
class JavaActionExecutor extends ActionExecutor {
    final LocalEnvironment env;
    private final ActionExecutors.Processes processes;
    private final Path launcherClasses;
    private final ClassDataArchives archives;

    JavaActionExecutor(LocalEnvironment env, ActionExecutors.Processes processes, Path launcherClasses) {
        this.env = env;
        this.processes = processes;
        this.launcherClasses = launcherClasses;
        this.archives = new ClassDataArchives(env.classArchives());
    }

    /** The sharelib this type's JVM gets: {@code java}, {@code sqoop}, {@code hive2}. */
    String launcherKind() {
        return "java";
    }

    /** The main class the launcher calls: the sharelib's (sqoop, hive2), or the action's own (java). */
    String mainClass(Attempt a) {
        String sharelib = env.launcher(launcherKind()).mainClass();
        return sharelib != null ? sharelib : a.eval().apply(Xml.childText(a.body(), "main-class"));
    }

    List<String> arguments(Attempt a) throws IOException {
        List<String> args = new ArrayList<>();
        for (String arg : Xml.childTexts(a.body(), "arg")) {
            args.add(a.eval().apply(arg));
        }
        return args;
    }

    List<String> jvmOptions(Attempt a) {
        List<String> jvm = new ArrayList<>(env.launcher(launcherKind()).jvmOptions());
        for (String o : Xml.childTexts(a.body(), "java-opt")) {
            jvm.add(a.eval().apply(o));
        }
        String opts = Xml.childText(a.body(), "java-opts");
        if (opts != null && !opts.isBlank()) {
            jvm.addAll(List.of(a.eval().apply(opts).trim().split("\\s+")));
        }
        return jvm;
    }

    /** Whether the application's lib/ jars go first on the classpath (a cluster's Hive2 launcher has its own). */
    boolean withApplicationLib() {
        return true;
    }

    /** How a failure names the program, as Oozie's messages do. */
    String describe(Attempt a) {
        return "Main class [" + mainClass(a) + "],";
    }

    /** A monitor that actions of this type hold while their process runs (one at a time), or null. */
    Object serialisedBy() {
        return null;
    }

    /** Why this attempt cannot run here, or null. */
    String unsupported(Attempt a) {
        return null;
    }

    /** The process to start; the launcher JVM by default. */
    List<String> command(Attempt a, Path output, Path errors) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(env.java().toString());
        cmd.addAll(jvmOptions(a));
        cmd.add("-Doozie.action.conf.xml=" + a.work().resolve("action.xml"));
        cmd.add("-Doozie.action.output.properties=" + output);
        cmd.add("-D" + LauncherMain.ERROR_PROPERTIES + "=" + errors);
        cmd.add("-cp");
        cmd.add(classpath(a));
        cmd.add(LauncherMain.class.getName());
        cmd.add(mainClass(a));
        cmd.addAll(arguments(a));
        return cmd;
    }

    Map<String, String> environment(Attempt a) {
        return Map.of();
    }

    /** The captured output's text: the output properties file the main wrote. */
    String capturedOutput(Path output, String stdout) throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.ISO_8859_1) : "";
    }

    @Override
    final Outcome run(Attempt a) throws IOException, InterruptedException {
        String unsupported = unsupported(a);
        if (unsupported != null) {
            return Outcome.failed("E0701", unsupported);
        }
        Element body = a.body();
        writeConfiguration(configuration(a), a.work().resolve("action.xml"));
        for (String f : Xml.childTexts(body, "file")) {
            localise(a.app(), a.eval().apply(f), a.work());
        }
        if (!Xml.children(body, "archive").isEmpty()) {
            return Outcome.failed("E0701", "<archive> is not supported by the local runner");
        }
        Path output = a.work().resolve("output.properties");
        Path errors = a.work().resolve("error.properties");
        List<String> cmd = new ArrayList<>(command(a, output, errors));
        // As on a server: the action's expressions are resolved before its launcher runs the <prepare> (an
        // expression may test a path the <prepare> deletes).
        prepare(Xml.child(body, "prepare"), a);
        ClassDataArchives.Use cds = ClassDataArchives.Use.NONE;
        int cp = cmd.indexOf("-cp");
        if (cp > 0 && cmd.get(0).equals(env.java().toString())) {
            // Named after the application only when its lib/ is on the classpath (hive2's launcher is the same for all).
            String name = withApplicationLib() ? a.app().dir().getFileName() + "-" + launcherKind() : launcherKind();
            cds = archives.use(name, env.java(), cmd.get(cp + 1));
            cmd.addAll(1, cds.options());
        }
        Path stdout = a.work().resolve("stdout");
        int rc;
        Object lock = serialisedBy();
        if (lock == null) {
            rc = exec(cmd, environment(a), a.work(), stdout, a.log());
        } else {
            synchronized (lock) {
                rc = exec(cmd, environment(a), a.work(), stdout, a.log());
            }
        }
        cds.ended(rc == 0);
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        Files.writeString(a.log(), out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (processes.killed()) {
            return Outcome.failed("E0607", "killed");
        }
        if (rc != 0) {
            Properties e = new Properties();
            if (Files.exists(errors)) {
                try (StringReader r = new StringReader(Files.readString(errors, StandardCharsets.ISO_8859_1))) {
                    e.load(r);
                }
            }
            // As Oozie's launcher: a main's exit code is the error code; an exception it threw is JA018.
            String code = e.getProperty("error.code", Integer.toString(rc));
            return Outcome.failed(code, describe(a) + " exit code [" + rc + "]" + failureDetail(out, a.log()));
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (Xml.child(body, "capture-output") != null) {
            String text = capturedOutput(output, out);
            if (text.getBytes(StandardCharsets.UTF_8).length > env.maxOutputBytes()) {
                return Outcome.failed("JA010", "Output data exceeds its limit [" + env.maxOutputBytes() + "]");
            }
            Properties p = new Properties();
            p.load(new StringReader(text));
            for (String k : p.stringPropertyNames()) {
                data.put(k, p.getProperty(k));
            }
        }
        return Outcome.ok(data);
    }

    /** What follows the exit code in the action's error: the main's last line on stdout (the error contract). */
    String failureDetail(String stdout, Path log) throws IOException {
        return lastLine(stdout);
    }

    static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "" : ": " + last;
    }

    private String classpath(Attempt a) throws IOException {
        StringBuilder cp = new StringBuilder();
        if (withApplicationLib()) {
            Path lib = a.app().dir().resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path j : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        cp.append(j).append(java.io.File.pathSeparator);
                    }
                }
            }
        }
        cp.append(env.launcher(launcherKind()).classpath());
        cp.append(java.io.File.pathSeparator).append(launcherClasses);
        return cp.toString();
    }

    private int exec(List<String> cmd, Map<String, String> environment, Path work, Path stdout, Path log)
            throws IOException, InterruptedException {
        if (processes.killed()) {
            return -1;
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().putAll(environment);
        Process p = pb.start();
        processes.add(p);
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw e;
        } finally {
            processes.remove(p);
        }
    }

    /** The workflow's global and the action's name node, resource manager and configuration, as Oozie merges them. */
    private Map<String, String> configuration(Attempt a) {
        Map<String, String> conf = new LinkedHashMap<>(env.hadoop());
        for (Element scope : new Element[] {a.global(), a.body()}) {
            if (scope == null) {
                continue;
            }
            String nn = Xml.childText(scope, "name-node");
            if (nn != null) {
                conf.put("fs.defaultFS", a.eval().apply(nn));
            }
            String rm = Xml.childText(scope, "resource-manager");
            if (rm == null) {
                rm = Xml.childText(scope, "job-tracker");
            }
            if (rm != null) {
                String v = a.eval().apply(rm);
                if (v.equals("local")) {
                    conf.put("mapreduce.framework.name", "local");
                    conf.put("mapreduce.jobtracker.address", "local");
                } else {
                    conf.put("yarn.resourcemanager.address", v);
                }
            }
            Element c = Xml.child(scope, "configuration");
            if (c != null) {
                for (Element p : Xml.children(c, "property")) {
                    conf.put(a.eval().apply(Xml.childText(p, "name")), a.eval().apply(Xml.childText(p, "value")));
                }
            }
        }
        return conf;
    }

    /** Hadoop's configuration file format, so that {@code Configuration.addResource} reads it. */
    private static void writeConfiguration(Map<String, String> conf, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n");
        conf.forEach((k, v) -> sb.append("  <property><name>").append(escape(k)).append("</name><value>")
                .append(escape(v)).append("</value></property>\n"));
        sb.append("</configuration>\n");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void prepare(Element prepare, Attempt a) throws IOException {
        if (prepare == null) {
            return;
        }
        for (Element op : Xml.children(prepare)) {
            Path p = LocalPaths.of(null, a.eval().apply(op.getAttribute("path")));
            if (op.getLocalName().equals("delete")) {
                LocalPaths.deleteTree(p);
            } else if (op.getLocalName().equals("mkdir")) {
                Files.createDirectories(p);
            }
        }
    }

    /** Copies {@code path[#name]} into the working folder, as YARN localises an action's files. */
    private static void localise(WorkflowApp app, String spec, Path work) throws IOException {
        int hash = spec.indexOf('#');
        String path = hash < 0 ? spec : spec.substring(0, hash);
        Path source = LocalPaths.of(app, path);
        String name = hash < 0 ? source.getFileName().toString() : spec.substring(hash + 1);
        if (!Files.exists(source)) {
            throw new java.io.FileNotFoundException("file " + path + " does not exist");
        }
        Files.copy(source, work.resolve(name));
    }
}
