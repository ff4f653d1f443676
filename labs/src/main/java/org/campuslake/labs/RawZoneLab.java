package org.campuslake.labs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lab 2, the raw zone and Hive external tables: the student maps the raw zone's students folder as their own
 * external table, registers its partitions, and gets the same rows, NULLs included, as the project's raw table.
 */
public final class RawZoneLab extends DatabaseLab {
    static final String DB = "lab02";
    static final String TABLE = DB + ".students";
    static final String REFERENCE = "raw.students";
    /** Per ingest date: rows, and the non-NULL values of two nullable columns (a wrong NULL format shows there). */
    private static final String COUNTS = "SELECT ingest_date, COUNT(*), COUNT(personal_email), COUNT(left_date) FROM %s"
            + " GROUP BY ingest_date ORDER BY ingest_date";

    public RawZoneLab() {
        super(2, "raw-zone-and-external-tables", "The raw zone and Hive external tables", 45,
                Set.of(Need.SERVICES, Need.SEEDED_ERP, Need.ONE_DAY_RUN), DB, 1);
    }

    @Override
    public List<Finding> check(LabLake lake) throws Exception {
        List<Finding> out = new ArrayList<>();
        if (!databaseExists(lake, out)) {
            return out;
        }
        if (!LabHive.tables(lake, DB).contains("students")) {
            out.add(Finding.missing(TABLE + " exists", "Create it over the raw zone's students folder (step 2):"
                    + " CREATE EXTERNAL TABLE " + TABLE + " (...) PARTITIONED BY (ingest_date STRING) ... LOCATION '"
                    + folder(lake) + "'"));
            return out;
        }
        out.add(Finding.ok(TABLE + " exists"));

        Map<String, String> both = new LinkedHashMap<>();
        both.put("mine", "DESCRIBE FORMATTED " + TABLE);
        both.put("reference", "DESCRIBE FORMATTED " + REFERENCE);
        Map<String, List<String>> described = lake.hive(both); // one Beeline session, not two
        HiveTable mine = HiveTable.parse(described.get("mine"));
        HiveTable reference = HiveTable.parse(described.get("reference"));
        out.add("EXTERNAL".equals(mine.type()) ? Finding.ok(TABLE + " is an external table")
                : Finding.missing(TABLE + " is an external table", "It is " + mine.type() + ": dropping a managed table"
                + " deletes its folder, and this folder is the lake's raw zone. Drop it with ALTER TABLE " + TABLE
                + " SET TBLPROPERTIES ('EXTERNAL' = 'TRUE') first, then DROP TABLE, and create it with CREATE EXTERNAL TABLE"));
        out.add(LabHive.sameFolder(mine.location(), folder(lake)) ? Finding.ok(TABLE + " reads " + folder(lake))
                : Finding.missing(TABLE + " reads " + folder(lake), "Its LOCATION is " + mine.location()
                + ": give the folder that holds the ingest_date=... folders"));
        out.add(mine.columns().equals(reference.columns())
                ? Finding.ok(TABLE + " has the ERP's columns, in order, with their types")
                : Finding.missing(TABLE + " has the ERP's columns, in order, with their types", "It has "
                + mine.columns() + "; the files hold " + reference.columns() + " (DESCRIBE " + REFERENCE
                + ", or erp.students in MySQL)"));
        if (!mine.partitions().equals(reference.partitions())) {
            out.add(Finding.missing(TABLE + " is partitioned by ingest_date", "It is partitioned by "
                    + (mine.partitions().isEmpty() ? "nothing" : mine.partitions().keySet())
                    + ": the folders are ingest_date=YYYY-MM-DD, so PARTITIONED BY (ingest_date STRING)"));
            return out;
        }
        out.add(Finding.ok(TABLE + " is partitioned by ingest_date"));

        Map<String, String> q = new LinkedHashMap<>();
        q.put("mine", "SHOW PARTITIONS " + TABLE);
        q.put("reference", "SHOW PARTITIONS " + REFERENCE);
        q.put("mineCounts", String.format(COUNTS, TABLE));
        q.put("referenceCounts", String.format(COUNTS, REFERENCE));
        Map<String, List<String>> r = lake.hive(q);
        if (!r.get("mine").equals(r.get("reference"))) {
            out.add(Finding.missing("every ingest date of the raw zone is a partition of " + TABLE, "The metastore"
                    + " knows " + r.get("mine").size() + " of its " + r.get("reference").size() + " partitions: a new"
                    + " external table sees none of the folders already there. Register them (step 3): MSCK REPAIR TABLE "
                    + TABLE + ";"));
            return out;
        }
        out.add(Finding.ok("every ingest date of the raw zone is a partition of " + TABLE));
        if (r.get("mineCounts").equals(r.get("referenceCounts"))) {
            out.add(Finding.ok(TABLE + " reads the same rows and NULLs as " + REFERENCE));
        } else {
            out.add(Finding.missing(TABLE + " reads the same rows and NULLs as " + REFERENCE, "Per ingest date (rows,"
                    + " personal_email not NULL, left_date not NULL) yours gives " + r.get("mineCounts") + ", the files hold "
                    + r.get("referenceCounts") + ". Look at a file (step 4): the fields are separated by \\001, a NULL"
                    + " is \\N and a backslash escapes \\, \\001 and newlines: ROW FORMAT DELIMITED FIELDS TERMINATED"
                    + " BY '\\001' ESCAPED BY '\\\\' NULL DEFINED AS '\\\\N'"));
        }
        return out;
    }

    static String folder(LabLake lake) {
        return lake.lakeRoot().replaceAll("/+$", "") + "/raw/erp/students";
    }
}
