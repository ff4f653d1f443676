package org.campuslake.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.ServicesState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bi", mixinStandardHelpOptions = true,
        description = "Business intelligence: how Power BI reaches the summary database (see docs/powerbi.md).",
        subcommands = {BiCommand.Pbids.class})
final class BiCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "pbids", mixinStandardHelpOptions = true,
            description = {"Write a Power BI data source file (.pbids) for the running summary database: double-click it"
                + " in Power BI Desktop to connect (MySQL connector, Import mode).",
                "Power BI asks for the credentials: user bi_reader, password from the file printed here."})
    static final class Pbids implements Callable<Integer> {
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "campus-lake-summary.pbids",
                description = "Where to write it (default: ${DEFAULT-VALUE}).")
        Path output;

        @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
                description = "Host name Power BI uses to reach the database (default: ${DEFAULT-VALUE}; from a"
                    + " Windows VM or another machine, this machine's address).")
        String host;

        @Option(names = "--mode", paramLabel = "Import|DirectQuery", defaultValue = "Import",
                description = "Power BI storage mode (default: ${DEFAULT-VALUE}).")
        String mode;

        @Override
        public Integer call() throws Exception {
            if (!mode.equals("Import") && !mode.equals("DirectQuery")) {
                throw new IllegalArgumentException("--mode must be Import or DirectQuery");
            }
            if (!host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
                throw new IllegalArgumentException("--host must be a host name or address, got '" + host + "'");
            }
            LakeContext ctx = new LakeContext();
            ctx.localDatabase(null);
            ServicesState s = ctx.services.running().orElseThrow();
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, json(host + ":" + s.port(), mode), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot write " + output + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
            ctx.out.println("Wrote " + output.toAbsolutePath() + " (MySQL " + host + ":" + s.port() + ", database summary, "
                    + mode + ")");
            ctx.out.println("Open it in Power BI Desktop; credentials: Database, user " + EmbeddedMariaDb.BI_USER
                    + ", password in " + ctx.services.endpoint(s).passwordFile(EmbeddedMariaDb.BI_USER));
            ctx.out.println("Then load the bi_* views (docs/powerbi.md lists the relationships).");
            return 0;
        }

        /** The PBIDS format: version 0.1, one connection, MySQL protocol; no credentials ever go in it. */
        static String json(String server, String mode) {
            return "{\n"
                    + "  \"version\": \"0.1\",\n"
                    + "  \"connections\": [\n"
                    + "    {\n"
                    + "      \"details\": {\n"
                    + "        \"protocol\": \"mysql\",\n"
                    + "        \"address\": {\n"
                    + "          \"server\": \"" + server + "\",\n"
                    + "          \"database\": \"summary\"\n"
                    + "        }\n"
                    + "      },\n"
                    + "      \"options\": {},\n"
                    + "      \"mode\": \"" + mode + "\"\n"
                    + "    }\n"
                    + "  ]\n"
                    + "}\n";
        }
    }
}
