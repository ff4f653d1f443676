package org.campuslake.oozie.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the local runner needs from the machine it runs on, in place of a cluster's sharelib and services.
 *
 * @param lakeHome       the lake home ({@code .lake/}): run history goes under {@code runs/}
 * @param java           the java executable every action JVM uses
 * @param launchers      per action kind ({@code java}, {@code sqoop}, {@code hive2}, {@code spark}): the main class and classpath
 *                       the cluster's sharelib (or Spark installation) would give, JVM options, extra arguments
 * @param hadoop         Hadoop settings added to every action's configuration (local mode's scratch folders)
 * @param slots          how many action JVMs may run at once (fork branches in parallel, bounded by the cores)
 * @param retrySeconds   seconds the runner waits per unit of {@code retry-interval} (Oozie: one minute)
 * @param maxOutputBytes limit of an action's captured output ({@code oozie.action.max.output.data} of the cluster)
 * @param classArchives  where the launcher JVMs' class-data archives live (AppCDS, {@link ClassDataArchives}); null:
 *                       none
 */
public record LocalEnvironment(Path lakeHome, Path java, Map<String, Launcher> launchers, Map<String, String> hadoop,
                               int slots, int retrySeconds, int maxOutputBytes, Path classArchives) {

    /** Without class-data archives. */
    public LocalEnvironment(Path lakeHome, Path java, Map<String, Launcher> launchers, Map<String, String> hadoop,
                            int slots, int retrySeconds, int maxOutputBytes) {
        this(lakeHome, java, launchers, hadoop, slots, retrySeconds, maxOutputBytes, null);
    }

    /**
     * A kind of action's JVM: what the cluster provides, not what the application ships in its lib/ folder.
     *
     * @param mainClass the main its launcher calls, as Oozie's sharelib brings SqoopMain or Hive2Main; null for
     *                  {@code java} actions, which name their own
     */
    public record Launcher(String mainClass, String classpath, List<String> jvmOptions, List<String> extraArgs) {}

    Launcher launcher(String kind) {
        Launcher l = launchers.get(kind);
        if (l == null) {
            throw new IllegalStateException("the local runner has no launcher for " + kind + " actions");
        }
        return l;
    }
}
