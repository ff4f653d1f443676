package org.campuslake.ingest;

import java.io.File;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.campuslake.ingest.stage.ExitCode;
import org.campuslake.ingest.stage.Stage;
import org.campuslake.ingest.stage.StageFailure;
import org.apache.sqoop.Sqoop;

/**
 * The local runner's launcher for an Oozie {@code <sqoop>} action, the part Oozie's own SqoopMain plays in a
 * launcher container: the action's {@code <arg>}s go to Sqoop unchanged, with the action's Hadoop configuration
 * (the workflow's global and action {@code <configuration>}, name node and resource manager), which the runner
 * writes to the file named by {@code oozie.action.conf.xml}.
 */
public final class SqoopActionMain extends Stage {
    public static void main(String[] args) {
        Stage.main(new SqoopActionMain(), args);
    }

    @Override
    protected String name() {
        return "sqoop action";
    }

    @Override
    protected ExitCode execute(String[] args) throws StageFailure {
        Configuration conf = new Configuration(getConf());
        String actionXml = System.getProperty("oozie.action.conf.xml");
        if (actionXml != null) {
            conf.addResource(new Path(new File(actionXml).toURI()));
        }
        if (args.length == 0) {
            throw StageFailure.usage("no arguments (the action needs <command> or <arg>s)");
        }
        int rc = Sqoop.runTool(args, conf);
        if (rc != 0) {
            // Sqoop logs its reason (stderr); the line names the tool and the table.
            String table = StepArgs.value(args, "--table");
            throw new StageFailure(ExitCode.FAILED, "Sqoop " + args[0] + (table == null ? "" : " of erp." + table)
                    + " failed (exit code " + rc + "): its reason is in the log above");
        }
        return ExitCode.OK;
    }
}
