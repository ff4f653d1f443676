package org.campuslake.labs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lab 4, curated tables and GDPR: the student builds their own curated contacts table from the raw zone (the latest
 * version of each person met at an open day or a fair, salted keys instead of the ERP's ids, no name, e-mail or
 * phone, Parquet, one partition per birth year) and gets the same contacts, keys included, as the project's
 * curated.contacts.
 */
public final class CuratedLab extends DatabaseLab {
    static final String DB = "lab04";
    static final String TABLE = DB + ".contacts";
    static final String CURATED = "curated.contacts";
    static final String RAW = "raw.audiences";
    /** The columns the sheet asks for, with their Hive types; birth_year is the partition. */
    static final Map<String, String> COLUMNS = columns();
    static final String KEY = "sha2(concat(salt, ':contact:', CAST(audience_id AS STRING)), 256)";
    static final String LATEST = "ROW_NUMBER() OVER (PARTITION BY audience_id ORDER BY updated_at DESC, ingest_date DESC)";

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("contact_key", "string");
        m.put("event_id", "int");
        m.put("city", "string");
        m.put("student_key", "string");
        m.put("updated_at", "timestamp");
        return m;
    }

    public CuratedLab() {
        super(4, "curated-tables-and-gdpr", "Curated tables and GDPR", 60,
                Set.of(Need.SERVICES, Need.SEEDED_ERP, Need.TWO_DAY_RUN), DB, 3);
    }

    @Override
    public List<Finding> check(LabLake lake) throws Exception {
        List<Finding> out = new ArrayList<>();
        if (!databaseExists(lake, out)) {
            return out;
        }
        if (!LabHive.tables(lake, DB).contains("contacts")) {
            out.add(Finding.missing(TABLE + " exists", "Create it (step 3): CREATE TABLE " + TABLE + " ("
                    + String.join(", ", COLUMNS.keySet()) + ") PARTITIONED BY (birth_year INT) STORED AS PARQUET"));
            return out;
        }
        out.add(Finding.ok(TABLE + " exists"));

        Map<String, String> d = new LinkedHashMap<>();
        d.put("mine", "DESCRIBE FORMATTED " + TABLE);
        d.put("raw", "DESCRIBE FORMATTED " + RAW);
        d.put("curated", "DESCRIBE FORMATTED " + CURATED);
        Map<String, List<String>> described = lake.hive(d);
        HiveTable mine = HiveTable.parse(described.get("mine"));
        HiveTable raw = HiveTable.parse(described.get("raw"));
        HiveTable curated = HiveTable.parse(described.get("curated"));

        // The direct identifiers are what the project's curated table leaves out of the raw one.
        Set<String> identifiers = new TreeSet<>(raw.columns().keySet());
        identifiers.removeAll(curated.columns().keySet());
        identifiers.removeAll(curated.partitions().keySet());
        Set<String> leaked = new TreeSet<>(mine.columns().keySet());
        leaked.addAll(mine.partitions().keySet());
        leaked.retainAll(identifiers);
        out.add(leaked.isEmpty() ? Finding.ok(TABLE + " holds no direct identifier (" + String.join(", ", identifiers) + ")")
                : Finding.missing(TABLE + " holds no direct identifier", "It has " + leaked + ": a name, an e-mail, a"
                + " phone or the ERP's ids let anyone who reads the table find the person. Keep only the"
                + " columns of step 3; the ids become contact_key and student_key"));
        out.add(mine.parquet() ? Finding.ok(TABLE + " is stored as Parquet")
                : Finding.missing(TABLE + " is stored as Parquet", "Its files are read by " + mine.inputFormat()
                + ": drop it and create it again with STORED AS PARQUET"));
        Map<String, String> wrong = new LinkedHashMap<>();
        COLUMNS.forEach((name, type) -> {
            if (!type.equals(mine.columns().get(name))) {
                wrong.put(name, mine.columns().getOrDefault(name, "missing"));
            }
        });
        out.add(wrong.isEmpty() ? Finding.ok(TABLE + " has the columns of step 3, with their types")
                : Finding.missing(TABLE + " has the columns of step 3, with their types", "Not as asked: " + wrong
                + "; step 3 asks for " + COLUMNS));
        boolean partitioned = Map.of("birth_year", "int").equals(mine.partitions());
        out.add(partitioned ? Finding.ok(TABLE + " is partitioned by birth_year")
                : Finding.missing(TABLE + " is partitioned by birth_year", "It is partitioned by "
                + (mine.partitions().isEmpty() ? "nothing" : mine.partitions())
                + ": PARTITIONED BY (birth_year INT), and birth_year last in the SELECT of the INSERT"));
        if (!leaked.isEmpty() || !wrong.isEmpty() || !partitioned) {
            return out;
        }

        String join = " FROM " + TABLE + " l LEFT JOIN " + CURATED + " c ON c.contact_key = l.contact_key";
        Map<String, String> q = new LinkedHashMap<>();
        q.put("mine", "SELECT COUNT(*), COUNT(DISTINCT contact_key) FROM " + TABLE);
        q.put("curated", "SELECT COUNT(*) FROM " + CURATED);
        q.put("unknown", "SELECT COUNT(*)" + join + " WHERE c.contact_key IS NULL");
        q.put("stale", "SELECT COALESCE(SUM(IF(l.student_key <=> c.student_key, 0, 1)), 0), COALESCE(SUM(IF(l.event_id"
                + " <=> c.event_id AND l.city <=> c.city AND l.birth_year <=> c.birth_year AND l.updated_at <=>"
                + " c.updated_at, 0, 1)), 0)" + join + " WHERE c.contact_key IS NOT NULL");
        Map<String, List<String>> r = lake.hive(q);
        long[] counts = LabHive.longs(r.get("mine"));
        long reference = LabHive.longs(r.get("curated"))[0];
        long unknown = LabHive.longs(r.get("unknown"))[0];
        long[] stale = LabHive.longs(r.get("stale"));
        if (counts[0] == 0) {
            out.add(Finding.missing(TABLE + " holds the contacts", "It is empty: fill it from " + RAW + " (step 4),"
                    + " INSERT OVERWRITE TABLE " + TABLE + " PARTITION (birth_year) SELECT ..."));
            return out;
        }
        out.add(counts[0] == counts[1] ? Finding.ok("one row per contact")
                : Finding.missing("one row per contact", (counts[0] - counts[1]) + " rows are older versions of a"
                + " contact: raw keeps every version the ERP had. Keep the latest one of each (step 4): " + LATEST
                + " AS rn, then WHERE rn = 1"));
        out.add(unknown == 0 ? Finding.ok("every contact_key is the project's key of that contact")
                : Finding.missing("every contact_key is the project's key of that contact", unknown + " of your keys"
                + " are not in " + CURATED + ": the key is " + KEY + ", with the salt of secure.pseudonym_salt"
                + " (step 2), the id as a string, SHA-256"));
        out.add(counts[1] == reference ? Finding.ok("every curated contact is there (" + reference + ")")
                : Finding.missing("every curated contact is there", "You have " + counts[1] + " contacts, " + CURATED
                + " has " + reference + (counts[1] < reference ? ": read every ingest date of " + RAW + ", not only one"
                : ": the others were deleted in the ERP, and raw.audiences_deleted holds their tombstones: a"
                + " contact whose tombstone is not older than their latest version must go (step 6)")));
        out.add(stale[0] == 0 ? Finding.ok("each enrolled contact has the student_key of their student")
                : Finding.missing("each enrolled contact has the student_key of their student", stale[0] + " contacts"
                + " differ from " + CURATED + " in student_key: NULL when student_id is NULL, else sha2(concat(salt,"
                + " ':student:', CAST(student_id AS STRING)), 256), the key curated.students has; an older version"
                + " (before the contact enrolled) has no student_id"));
        out.add(stale[1] == 0 ? Finding.ok("each contact is in their latest version")
                : Finding.missing("each contact is in their latest version", stale[1] + " contacts differ from "
                + CURATED + " (event, city, birth year or updated_at): an older version won. Order the versions by"
                + " updated_at DESC, then ingest_date DESC"));
        return out;
    }
}
