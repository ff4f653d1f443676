package org.campuslake.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.campuslake.local.EmbeddedMariaDb;
import org.campuslake.local.LakeHome;
import org.campuslake.local.MariaDbEndpoint;
import org.campuslake.oozie.run.EnvironmentFile;

/** The local environment's files (oozie-workflows' env/local, as built) with this machine's facts filled in. */
final class LocalEnvironmentFiles {
    private LocalEnvironmentFiles() {}

    static Path render(LakeHome home, MariaDbEndpoint db, String name, Map<String, String> more, Path target)
            throws IOException {
        Map<String, String> facts = new HashMap<>(more);
        facts.put("lakeHome", home.root().toAbsolutePath().toString());
        facts.put("dbPort", Integer.toString(db.port()));
        facts.put("etlPasswordFile", db.passwordFile(EmbeddedMariaDb.ETL_USER).toAbsolutePath().toString());
        facts.put("cores", Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors())));
        Path template = StageJvm.repo().resolve("oozie-workflows/target/apps/env/local").resolve(name);
        if (!java.nio.file.Files.isRegularFile(template)) {
            throw new IllegalStateException("the Oozie applications are not packaged (" + template
                    + " is missing): run ./lake (it builds what is missing) or mvn package");
        }
        return EnvironmentFile.render(template, facts, target);
    }
}
