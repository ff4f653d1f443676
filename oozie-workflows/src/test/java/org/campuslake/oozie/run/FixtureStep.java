package org.campuslake.oozie.run;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * The main class of the runner fixtures' java actions: {@code FixtureStep write FILE ROWS} writes a file and
 * captures {@code rows.written}; {@code FixtureStep require FILE} exits with 2 unless FILE exists;
 * {@code FixtureStep fail-once MARKER} throws the first time (no MARKER yet) and succeeds after;
 * {@code FixtureStep exit CODE} exits with CODE.
 */
public final class FixtureStep {
    private FixtureStep() {}

    public static void main(String[] args) throws Exception {
        Path file = Paths.get(args[1].replaceFirst("^file://", ""));
        Properties out = new Properties();
        switch (args[0]) {
            case "write":
                Files.createDirectories(file.getParent());
                Files.writeString(file, args[2] + "\n");
                out.setProperty("rows.written", args[2]);
                out.setProperty("enough", Boolean.toString(Integer.parseInt(args[2]) > 0));
                break;
            case "require":
                if (!Files.exists(file)) {
                    System.out.println("missing " + file);
                    System.exit(2);
                }
                out.setProperty("rows.read", Files.readString(file).strip());
                break;
            case "fail-once":
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, "");
                    throw new IllegalStateException("first attempt fails"); // JA018: retried
                }
                break;
            default:
                System.out.println("exiting with " + args[1]);
                System.exit(Integer.parseInt(args[1]));
        }
        String props = System.getProperty("oozie.action.output.properties");
        if (props != null) {
            try (OutputStream o = Files.newOutputStream(Paths.get(props))) {
                out.store(o, "");
            }
        }
    }
}
