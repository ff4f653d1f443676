package org.campuslake.oozie.run;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Stands in for Beeline as the hive2 launcher's main in {@link Hive2ActionExecutorTest}: writes its arguments, one per
 * line, to the file in system property {@code fixture.args}; a script whose name starts with {@code fail} fails as
 * Beeline does (its error on stderr, exit code 2).
 */
public final class FixtureBeeline {
    private FixtureBeeline() {}

    public static void main(String[] args) throws Exception {
        Files.write(Paths.get(System.getProperty("fixture.args")), Arrays.asList(args));
        int f = Arrays.asList(args).indexOf("-f");
        if (f >= 0 && Paths.get(args[f + 1]).getFileName().toString().startsWith("fail")) {
            System.out.println("0: jdbc:hive2://h:1/default> INSERT OVERWRITE TABLE curated.x SELECT ...");
            System.err.println("Error: org.apache.spark.sql.AnalysisException: Table or view not found: raw.x;"
                    + " line 1 pos 44 (state=42000,code=0)");
            System.err.println("Closing: 0: jdbc:hive2://h:1/default");
            System.exit(2);
        }
    }
}
