package org.campuslake.labs;

import java.util.List;
import java.util.Map;

/**
 * What a lab's check reads and its start changes: the lake as the student sees it, the local one or a cluster's.
 * The cli implements it; the labs hold only what each lab needs of it.
 */
public interface LabLake {
    /** Which lake: "local" or "cluster", for the hints that differ. */
    String kind();

    /** The lake's root as Hive's LOCATION clauses name it (file:/.../.lake/lake, or hdfs://master:8020/lake). */
    String lakeRoot();

    /**
     * HiveQL statements in one session (Beeline on the Thrift server or HiveServer2), in order.
     *
     * @return each name's rows, tab-separated; a failed statement fails them all with {@link HiveException}
     */
    Map<String, List<String>> hive(Map<String, String> statements) throws Exception;

    /**
     * A query on the summary database (MySQL), as the BI tools read it.
     *
     * @return its rows, each column's value as JDBC's getString gives it, tab-separated (NULL as "NULL")
     */
    List<String> summary(String sql) throws Exception;

    /**
     * A query on the ERP (MySQL), as the lake's import user reads it.
     *
     * @return its rows, as {@link #summary} gives them
     */
    List<String> erp(String sql) throws Exception;

    /**
     * The data files of a folder under the user's home (what {@code hdfs dfs -cat DIR/part-*} prints: files whose
     * name starts with neither {@code _} nor {@code .}), by name, each as its lines; empty when the folder is not
     * there. Locally the home is .lake/home/, on a cluster the user's HDFS home.
     */
    Map<String, List<String>> files(String dir) throws Exception;

    /** The data files of a folder of the lake (relative to {@link #lakeRoot}), as {@link #files} gives them. */
    Map<String, List<String>> lakeFiles(String dir) throws Exception;

    /** Writes a file under the user's home (its folders made), replacing what it held. */
    void write(String file, String text) throws Exception;

    /** A statement that changes the ERP (the lab's incidents), as the lake's import user; the rows it changed. */
    int erpUpdate(String sql) throws Exception;

    /** Reruns the import and validation of one table for a date with the project's contract (lake import). */
    void reimport(String table, String date) throws Exception;

    /** Lives the ERP's simulated days up to a date (lake erp advance --to); nothing when it has lived it. */
    void erpAdvance(String date) throws Exception;

    /** The run history (lake runs), oldest first: the local runner's runs and those followed on a cluster. */
    List<org.campuslake.oozie.run.RunRecord> runs() throws Exception;

    /** The runs that started at or after a moment (a lab's start, epoch milliseconds), oldest first. */
    default List<org.campuslake.oozie.run.RunRecord> runsSince(long millis) throws Exception {
        List<org.campuslake.oozie.run.RunRecord> out = new java.util.ArrayList<>();
        for (org.campuslake.oozie.run.RunRecord r : runs()) {
            if (r.started != null && java.time.Instant.parse(r.started).toEpochMilli() >= millis) {
                out.add(r);
            }
        }
        return out;
    }

    /** Copies the project's built Oozie applications (all of them, their jars too) into a folder under the home. */
    void copyApps(String dir) throws Exception;

    /** Checks the Oozie applications in a folder under the home as lake validate does: its problems, file:line: message. */
    List<String> validateApps(String dir) throws Exception;

    /** The project's folder (its sources and build output), where a student's code and test reports are. */
    java.nio.file.Path project();

    /** The lines of all the files {@link #files} or {@link #lakeFiles} gave, file after file. */
    static List<String> lines(Map<String, List<String>> files) {
        List<String> out = new java.util.ArrayList<>();
        files.values().forEach(out::addAll);
        return out;
    }

    /** Deletes a folder under the user's home, if it is there. */
    void delete(String dir) throws Exception;

    /** A saved Sqoop job's properties ({@code sqoop job --show NAME}); empty when there is no such job. */
    Map<String, String> sqoopJob(String name) throws Exception;

    /** Deletes a saved Sqoop job, if there is one. */
    void deleteSqoopJob(String name) throws Exception;

    /** A failed HiveQL statement (the lab names what it was asking). */
    final class HiveException extends Exception {
        public HiveException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
