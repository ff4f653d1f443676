package org.campuslake.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.campuslake.local.ServicesState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "hive", mixinStandardHelpOptions = true,
        description = {"Run HiveQL locally through Spark SQL with Hive support (the local stand-in for Beeline on"
            + " HiveServer2), on the metastore shared by every local Spark JVM.",
            "Beeline-only lines (!connect, dfs, source) are skipped. $${hivevar:lake_root} defaults to the local lake."})
final class HiveCommand implements Callable<Integer> {
    /** Spark's own launcher list for Java 17 (DESIGN.md). */
    static final List<String> SPARK_OPENS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false");

    @Option(names = "-f", paramLabel = "FILE", description = {"HiveQL file to run (repeatable, in order);"
            + " one of the project's by the start of its name: -f 010 is hive-ddl/src/main/hql/010_raw_tables.hql."})
    List<Path> files = new ArrayList<>();

    @Option(names = "-e", paramLabel = "SQL", description = "HiveQL to run.")
    String sql;

    @Option(names = "--hivevar", paramLabel = "NAME=VALUE", description = "Value of $${hivevar:NAME} (repeatable).")
    Map<String, String> hivevars = new LinkedHashMap<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty() && sql == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give -f FILE or -e SQL");
        }
        List<String> scripts = new ArrayList<>();
        for (Path f : files) {
            scripts.add("-f");
            scripts.add(resolve(f).toAbsolutePath().toString());
        }
        LakeContext ctx = new LakeContext();
        ctx.localDatabase(null);
        ServicesState s = ctx.services.running().orElseThrow();
        if (sql != null) {
            scripts.add("-e");
            scripts.add(sql);
        }
        return run(ctx, s, scripts, hivevars, ctx.home.logs().resolve("hive.log"));
    }

    /** The local lake's root as the HiveQL's ${lake_root} and a LOCATION clause name it (file:/.../.lake/lake). */
    static String lakeRoot(LakeContext ctx) {
        return ctx.home.root().resolve("lake").toAbsolutePath().toUri().toString().replaceAll("/$", "");
    }

    /** The project's HiveQL scripts (hive-ddl). */
    static Path hqlDir() {
        return StageJvm.repo().resolve("hive-ddl/src/main/hql");
    }

    /** {@code f} itself, or the project's one HiveQL file whose name starts with it ({@code -f 110}). */
    private Path resolve(Path f) throws java.io.IOException {
        if (java.nio.file.Files.isRegularFile(f)) {
            return f;
        }
        List<Path> known;
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.list(hqlDir())) {
            known = all.filter(p -> p.getFileName().toString().endsWith(".hql")).sorted().toList();
        }
        List<Path> matches = known.stream().filter(p -> f.getNameCount() == 1
                && p.getFileName().toString().startsWith(f.toString())).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "no HiveQL file " + f
                + (matches.isEmpty() ? "" : " (it could be " + names(matches) + ")")
                + "; the project's files, which -f also takes by the start of their name: " + names(known));
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
    }

    /**
     * Runs HiveMain on the shared metastore with {@code scripts} ({@code -f FILE} / {@code -e SQL} pairs, in order),
     * the local lake_root and salt_dir (overridden by {@code hivevars}); framework logs go to {@code log}.
     */
    static int run(LakeContext ctx, ServicesState s, List<String> scripts, Map<String, String> hivevars, Path log)
            throws Exception {
        return StageJvm.run(command(ctx, s, scripts, hivevars), log);
    }

    /** The HiveMain command line of {@link #run}. */
    static List<String> command(LakeContext ctx, ServicesState s, List<String> scripts, Map<String, String> hivevars)
            throws Exception {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("lake_root", lakeRoot(ctx));
        vars.put("salt_dir", PseudonymSalt.ensure(ctx.home).toUri().toString().replaceAll("/$", ""));
        vars.putAll(hivevars);
        List<String> args = new ArrayList<>(scripts);
        vars.forEach((k, v) -> {
            args.add("--hivevar");
            args.add(k + "=" + v);
        });
        args.addAll(List.of("--metastore-port", Integer.toString(s.metastorePort()),
                "--warehouse", ctx.home.root().resolve("warehouse").toString()));
        return StageJvm.command("hive-ddl", "org.campuslake.hive.HiveMain", sparkJvm(ctx.home), args);
    }

    /** A local Spark JVM's options (the opens Spark needs, heap, temporary folders); StageJvm adds Hadoop's opens. */
    static List<String> sparkJvm(org.campuslake.local.LakeHome home) {
        List<String> jvm = new ArrayList<>(SPARK_OPENS);
        Path tmp = home.tmp().toAbsolutePath();
        jvm.addAll(List.of("-Xmx1536m", "-Djava.io.tmpdir=" + tmp, "-Dderby.system.home=" + tmp));
        return jvm;
    }
}
