package org.campuslake.labs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the labs' checks ask Hive the same way: databases, tables, a table's description, dropping a lab's database. */
final class LabHive {
    private LabHive() {}

    static List<String> databases(LabLake lake) throws Exception {
        return lake.hive(Map.of("dbs", "SHOW DATABASES")).get("dbs");
    }

    static List<String> tables(LabLake lake, String db) throws Exception {
        List<String> out = new ArrayList<>();
        // Spark prints "database<TAB>table<TAB>isTemporary", Hive the table name alone.
        for (String row : lake.hive(Map.of("tables", "SHOW TABLES IN " + db)).get("tables")) {
            String[] f = row.split("\t");
            out.add(f.length >= 2 ? f[1].strip() : f[0].strip());
        }
        return out;
    }

    static HiveTable describe(LabLake lake, String table) throws Exception {
        return HiveTable.parse(lake.hive(Map.of("describe", "DESCRIBE FORMATTED " + table)).get("describe"));
    }

    /**
     * Drops a lab's database and the student's tables in it. DROP ... CASCADE deletes a managed table's folder: if
     * a student made one over the lake's own data (raw, curated), that folder is not theirs. Refuse rather than
     * lose it.
     */
    static void dropDatabase(LabLake lake, String db) throws Exception {
        if (!databases(lake).contains(db)) {
            return;
        }
        String root = path(lake.lakeRoot());
        for (String t : tables(lake, db)) {
            HiveTable table = describe(lake, db + "." + t);
            if (!"EXTERNAL".equals(table.type()) && table.location() != null && path(table.location()).startsWith(root + "/")) {
                throw new IllegalStateException(db + "." + t + " is a managed table over " + table.location()
                        + ": dropping it would delete the lake's own files. Make it external first (ALTER TABLE " + db
                        + "." + t + " SET TBLPROPERTIES ('EXTERNAL' = 'TRUE')), then start the lab again");
            }
        }
        lake.hive(Map.of("drop", "DROP DATABASE IF EXISTS " + db + " CASCADE"));
    }

    /** file:/a/b, file:///a/b and /a/b/ are the same folder; so are hdfs://master:8020/a and hdfs://master/a. */
    static boolean sameFolder(String location, String expected) {
        return location != null && path(location).equals(path(expected));
    }

    private static String path(String s) {
        String p = URI.create(s.strip()).getPath();
        return p == null ? s : p.replaceAll("/+$", "");
    }

    /** The first row's tab-separated fields of a one-row answer, as longs. */
    static long[] longs(List<String> rows) {
        String[] f = rows.get(0).split("\t");
        long[] out = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = Long.parseLong(f[i].strip());
        }
        return out;
    }
}
