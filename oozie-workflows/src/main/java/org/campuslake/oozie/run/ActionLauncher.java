package org.campuslake.oozie.run;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.w3c.dom.Element;

/**
 * Runs one workflow action on this machine the way a cluster would run it in a launcher container: its own JVM
 * (or process), its own working folder with the action's {@code <file>}s in it, the action's Hadoop configuration
 * in {@code action.xml}, the application's {@code lib/} jars first on the classpath, then what the cluster's
 * sharelib would give ({@link LocalEnvironment.Launcher}). Captured output is read back as the action's data.
 */
final class ActionLauncher {
    /** What an attempt gave: ok, the captured properties, or the error message. */
    record Outcome(boolean ok, Map<String, String> data, String error) {}

    private static final Set<String> SUPPORTED = Set.of("java", "sqoop", "hive2", "shell", "email", "fs");

    private final LocalEnvironment env;
    private final Path sparkSubmitDir;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean killed;

    ActionLauncher(LocalEnvironment env, Path sparkSubmitDir) {
        this.env = env;
        this.sparkSubmitDir = sparkSubmitDir;
    }

    static boolean supports(String type) {
        return SUPPORTED.contains(type);
    }

    /** Stops every running action process (the workflow was killed). */
    void killAll() {
        killed = true;
        for (Process p : running) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    /**
     * @param eval  evaluates {@code ${...}} in the action's scope (an EL error is the action's error)
     * @param global the workflow's {@code <global>} (name node, resource manager, configuration), or null
     */
    Outcome run(WorkflowApp app, WorkflowApp.Action a, UnaryOperator<String> eval, Element global, Path work, Path log)
            throws IOException, InterruptedException {
        deleteTree(work);
        Files.createDirectories(work);
        Element body = a.body();
        if (!supports(a.type())) {
            return new Outcome(false, Map.of(), "the local runner does not run " + a.type() + " actions");
        }
        if (a.type().equals("email")) {
            return email(body, eval, log);
        }
        if (a.type().equals("fs")) {
            return fs(body, eval, log);
        }
        prepare(Xml.child(body, "prepare"), eval);
        Map<String, String> conf = configuration(global, body, eval);
        writeConfiguration(conf, work.resolve("action.xml"));
        for (String f : Xml.childTexts(body, "file")) {
            localise(app, eval.apply(f), work);
        }
        if (!Xml.children(body, "archive").isEmpty()) {
            return new Outcome(false, Map.of(), "<archive> is not supported by the local runner");
        }
        boolean capture = Xml.child(body, "capture-output") != null;
        Path output = work.resolve("output.properties");
        List<String> cmd = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>();
        switch (a.type()) {
            case "java" -> {
                List<String> jvm = new ArrayList<>(env.launcher("java").jvmOptions());
                for (String o : Xml.childTexts(body, "java-opt")) {
                    jvm.add(eval.apply(o));
                }
                String opts = Xml.childText(body, "java-opts");
                if (opts != null && !opts.isBlank()) {
                    jvm.addAll(List.of(eval.apply(opts).trim().split("\\s+")));
                }
                jvm(cmd, app, "java", jvm, work, output);
                cmd.add(eval.apply(Xml.childText(body, "main-class")));
                for (String arg : Xml.childTexts(body, "arg")) {
                    cmd.add(eval.apply(arg));
                }
            }
            case "sqoop" -> {
                jvm(cmd, app, "sqoop", env.launcher("sqoop").jvmOptions(), work, output);
                cmd.add("org.campuslake.ingest.SqoopActionMain");
                String command = Xml.childText(body, "command");
                if (command != null) {
                    cmd.addAll(List.of(eval.apply(command).trim().split("\\s+")));
                }
                for (String arg : Xml.childTexts(body, "arg")) {
                    cmd.add(eval.apply(arg));
                }
            }
            case "hive2" -> {
                // The script runs through the local HiveQL executor on the shared metastore, with the same
                // <param> values; <jdbc-url> names the cluster's HiveServer2 and is not used here.
                jvm(cmd, null, "hive2", env.launcher("hive2").jvmOptions(), work, output);
                cmd.add("org.campuslake.hive.HiveMain");
                String script = Xml.childText(body, "script");
                if (script == null) {
                    return new Outcome(false, Map.of(), "hive2 actions with <query> are not supported locally");
                }
                cmd.add("-f");
                cmd.add(localPath(app, eval.apply(script)).toString());
                for (String p : Xml.childTexts(body, "param")) {
                    cmd.add("--hivevar");
                    cmd.add(eval.apply(p));
                }
                if (!Xml.children(body, "argument").isEmpty()) {
                    return new Outcome(false, Map.of(), "hive2 <argument>s (Beeline options) are not supported locally");
                }
                cmd.addAll(env.launcher("hive2").extraArgs());
            }
            case "shell" -> {
                String exec = eval.apply(Xml.childText(body, "exec"));
                Path local = work.resolve(exec);
                if (Files.isRegularFile(local)) {
                    local.toFile().setExecutable(true);
                    cmd.add(local.toString());
                } else {
                    cmd.add(exec);
                }
                for (String arg : Xml.childTexts(body, "argument")) {
                    cmd.add(eval.apply(arg));
                }
                for (String kv : Xml.childTexts(body, "env-var")) {
                    String v = eval.apply(kv);
                    int eq = v.indexOf('=');
                    environment.put(v.substring(0, eq), v.substring(eq + 1));
                }
                environment.put("PATH", sparkSubmitDir + java.io.File.pathSeparator + System.getenv("PATH"));
            }
            default -> throw new IllegalStateException(a.type());
        }
        Path stdout = work.resolve("stdout");
        int rc = exec(cmd, environment, work, stdout, log);
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        Files.writeString(log, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (killed) {
            return new Outcome(false, Map.of(), "killed");
        }
        if (rc != 0) {
            return new Outcome(false, Map.of(), what(a, cmd) + " exit code [" + rc + "]" + lastLine(out));
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (capture) {
            String text = a.type().equals("shell") ? out
                    : Files.exists(output) ? Files.readString(output, StandardCharsets.ISO_8859_1) : "";
            if (text.getBytes(StandardCharsets.UTF_8).length > env.maxOutputBytes()) {
                return new Outcome(false, Map.of(), "Output data exceeds its limit [" + env.maxOutputBytes() + "]");
            }
            Properties p = new Properties();
            p.load(new StringReader(text));
            for (String k : p.stringPropertyNames()) {
                data.put(k, p.getProperty(k));
            }
        }
        return new Outcome(true, data, null);
    }

    private static String what(WorkflowApp.Action a, List<String> cmd) {
        return switch (a.type()) {
            case "java" -> "Main class [" + cmd.get(cmd.indexOf("-cp") + 2) + "],";
            case "sqoop" -> "Sqoop,";
            case "hive2" -> "Hive script,";
            default -> "Command [" + Path.of(cmd.get(0)).getFileName() + "],";
        };
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? "" : ": " + last;
    }

    private void jvm(List<String> cmd, WorkflowApp app, String kind, List<String> options, Path work, Path output)
            throws IOException {
        cmd.add(env.java().toString());
        cmd.addAll(options);
        cmd.add("-Doozie.action.conf.xml=" + work.resolve("action.xml"));
        cmd.add("-Doozie.action.output.properties=" + output);
        cmd.add("-cp");
        StringBuilder cp = new StringBuilder();
        if (app != null) {
            Path lib = app.dir().resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path j : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        cp.append(j).append(java.io.File.pathSeparator);
                    }
                }
            }
        }
        cp.append(env.launcher(kind).classpath());
        cmd.add(cp.toString());
    }

    private int exec(List<String> cmd, Map<String, String> environment, Path work, Path stdout, Path log)
            throws IOException, InterruptedException {
        if (killed) {
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
        running.add(p);
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            throw e;
        } finally {
            running.remove(p);
        }
    }

    /** The workflow's global and the action's name node, resource manager and configuration, as Oozie merges them. */
    private Map<String, String> configuration(Element global, Element body, UnaryOperator<String> eval) {
        Map<String, String> conf = new LinkedHashMap<>(env.hadoop());
        for (Element scope : new Element[] {global, body}) {
            if (scope == null) {
                continue;
            }
            String nn = Xml.childText(scope, "name-node");
            if (nn != null) {
                conf.put("fs.defaultFS", eval.apply(nn));
            }
            String rm = Xml.childText(scope, "resource-manager");
            if (rm == null) {
                rm = Xml.childText(scope, "job-tracker");
            }
            if (rm != null) {
                String v = eval.apply(rm);
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
                    conf.put(eval.apply(Xml.childText(p, "name")), eval.apply(Xml.childText(p, "value")));
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

    private void prepare(Element prepare, UnaryOperator<String> eval) throws IOException {
        if (prepare == null) {
            return;
        }
        for (Element op : Xml.children(prepare)) {
            Path p = localPath(null, eval.apply(op.getAttribute("path")));
            if (op.getLocalName().equals("delete")) {
                deleteTree(p);
            } else if (op.getLocalName().equals("mkdir")) {
                Files.createDirectories(p);
            }
        }
    }

    private Outcome fs(Element body, UnaryOperator<String> eval, Path log) throws IOException {
        for (Element op : Xml.children(body)) {
            Path p = op.hasAttribute("path") ? localPath(null, eval.apply(op.getAttribute("path"))) : null;
            switch (op.getLocalName()) {
                case "delete" -> deleteTree(p);
                case "mkdir" -> Files.createDirectories(p);
                case "touchz" -> {
                    Files.createDirectories(p.getParent());
                    Files.write(p, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                case "move" -> Files.move(localPath(null, eval.apply(op.getAttribute("source"))),
                        localPath(null, eval.apply(op.getAttribute("target"))));
                case "name-node", "configuration", "job-xml" -> { }
                default -> {
                    return new Outcome(false, Map.of(), "fs " + op.getLocalName() + " is not supported by the local runner");
                }
            }
            Files.writeString(log, "fs " + op.getLocalName() + " " + p + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return new Outcome(true, Map.of(), null);
    }

    /** E-mail is logged, not sent: the run's {@code email.log} and the action's log hold it. */
    private Outcome email(Element body, UnaryOperator<String> eval, Path log) throws IOException {
        String text = "Date: " + ZonedDateTime.now() + "\nTo: " + eval.apply(Xml.childText(body, "to")) + "\n"
                + (Xml.childText(body, "cc") == null ? "" : "Cc: " + eval.apply(Xml.childText(body, "cc")) + "\n")
                + "Subject: " + eval.apply(Xml.childText(body, "subject")) + "\n\n"
                + eval.apply(Xml.childText(body, "body")) + "\n\n";
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path mailbox = log.getParent().getParent().resolve("email.log");
        synchronized (ActionLauncher.class) {
            Files.writeString(mailbox, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return new Outcome(true, Map.of(), null);
    }

    /** Copies {@code path[#name]} into the working folder, as YARN localises an action's files. */
    private static void localise(WorkflowApp app, String spec, Path work) throws IOException {
        int hash = spec.indexOf('#');
        String path = hash < 0 ? spec : spec.substring(0, hash);
        Path source = localPath(app, path);
        String name = hash < 0 ? source.getFileName().toString() : spec.substring(hash + 1);
        if (!Files.exists(source)) {
            throw new IOException("file " + path + " does not exist");
        }
        Files.copy(source, work.resolve(name));
    }

    /** A lake or application path on this machine: file: URIs and absolute paths; relative to the app folder. */
    static Path localPath(WorkflowApp app, String path) throws IOException {
        if (path.startsWith("file:")) {
            return Path.of(URI.create(path.startsWith("file:///") || !path.startsWith("file://") ? path
                    : "file:///" + path.substring("file://".length())));
        }
        if (path.contains("://")) {
            throw new IOException(path + ": the local runner reads local files only (file: or a plain path)");
        }
        Path p = Path.of(path);
        return p.isAbsolute() || app == null ? p : app.dir().resolve(p);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
