package org.campuslake.ingest;

import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.sqoop.Sqoop;

/**
 * The local runner's launcher for an Oozie {@code <sqoop>} action, the part Oozie's own SqoopMain plays in a
 * launcher container: the action's {@code <arg>}s go to Sqoop unchanged, with the action's Hadoop configuration
 * (the workflow's global and action {@code <configuration>}, name node and resource manager), which the runner
 * writes to the file named by {@code oozie.action.conf.xml}.
 */
public final class SqoopActionMain {
    private SqoopActionMain() {}

    public static void main(String[] args) {
        Configuration conf = new Configuration();
        String actionXml = System.getProperty("oozie.action.conf.xml");
        if (actionXml != null) {
            conf.addResource(new Path(new File(actionXml).toURI()));
        }
        if (args.length == 0) {
            System.err.println("sqoop action: no arguments (the action needs <command> or <arg>s)");
            System.exit(2);
        }
        System.exit(Sqoop.runTool(args, conf));
    }
}
