package org.campuslake.ingest.catalog;

import java.util.Locale;

/**
 * The Hive raw layer, rendered from the catalog: one EXTERNAL table per ERP table over the validated records in
 * {@code ${lake_root}/raw/erp/<table>/}, partitioned by {@code ingest_date}, and the statements that register a
 * date's partitions; for a table that declares deletes, raw.&lt;table&gt;_deleted over its tombstones
 * ({@code raw/deleted/erp/<table>/}). HiveQL that runs unchanged on HiveServer2 and on Spark SQL with Hive support.
 */
public final class HiveRawDdl {
    static final String HEADER = header(HiveRawDdl.class);

    /** The first lines of a generated script: where it comes from, and how to render it again. */
    static String header(Class<?> generator) {
        return "-- GENERATED from the table catalog (ingestion/src/main/resources/" + Catalog.BUILT_IN
                + ")\n-- by " + generator.getName() + ": do not edit by hand. After changing the catalog, run\n"
                + "--   UPDATE_GENERATED=1 mvn -pl hive-ddl -am test -Dtest=GeneratedHqlTest\n";
    }

    private HiveRawDdl() {}

    /** CREATE DATABASE raw and one CREATE EXTERNAL TABLE per catalog table. */
    public static String tables(Catalog catalog) {
        StringBuilder sb = new StringBuilder(HEADER);
        sb.append("-- Raw layer: the validated records of each ingest date (text, \\001-separated, \\N for NULL, a backslash"
                + " escaping\n-- \\, \\001, newline and carriage return inside values).\n");
        sb.append("-- Parameters: ${hivevar:lake_root}\n\n");
        sb.append("CREATE DATABASE IF NOT EXISTS raw COMMENT 'ERP records as imported and validated, one partition per ingest date';\n");
        for (TableSpec t : catalog.tables()) {
            sb.append("\nCREATE EXTERNAL TABLE IF NOT EXISTS raw.").append(t.name()).append(" (\n");
            for (int i = 0; i < t.columns().size(); i++) {
                ColumnContract c = t.columns().get(i);
                sb.append("  ").append(c.name()).append(' ').append(hiveType(c));
                sb.append(i + 1 < t.columns().size() ? ",\n" : "\n");
            }
            sb.append(")\n");
            sb.append("COMMENT 'erp.").append(t.name()).append(", ").append(t.mode().name().toLowerCase(Locale.ROOT))
                    .append(" import'\n");
            sb.append("PARTITIONED BY (ingest_date STRING)\n");
            // The validated records are EscapedText: LazySimpleSerDe unescapes \\, \<001>, \n and \r, so a value
            // with a newline or a \001 stays one field of one row.
            sb.append("ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'\n");
            sb.append("WITH SERDEPROPERTIES ('field.delim' = '\\001', 'escape.delim' = '\\\\',"
                    + " 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\\\N')\n");
            sb.append("STORED AS TEXTFILE\n");
            sb.append("LOCATION '${hivevar:lake_root}/raw/erp/").append(t.name()).append("';\n");
        }
        for (TableSpec t : catalog.tables()) {
            if (!t.deletes()) {
                continue;
            }
            sb.append("\nCREATE EXTERNAL TABLE IF NOT EXISTS raw.").append(t.name()).append("_deleted (\n");
            sb.append("  ").append(t.key()).append(' ').append(hiveType(t.column(t.key()))).append("\n)\n");
            sb.append("COMMENT 'keys erp.").append(t.name())
                    .append(" lost (hard deletes), by the ingest date whose reconciliation found them'\n");
            sb.append("PARTITIONED BY (ingest_date STRING)\n");
            sb.append("STORED AS TEXTFILE\n");
            sb.append("LOCATION '${hivevar:lake_root}/raw/deleted/erp/").append(t.name()).append("';\n");
        }
        return sb.toString();
    }

    /** ADD IF NOT EXISTS PARTITION for one ingest date, every table. */
    public static String partitions(Catalog catalog) {
        StringBuilder sb = new StringBuilder(HEADER);
        sb.append("-- Registers the raw partitions of one ingest date (idempotent).\n");
        sb.append("-- Parameters: ${hivevar:lake_root}, ${hivevar:ingest_date}\n");
        for (TableSpec t : catalog.tables()) {
            sb.append("\nALTER TABLE raw.").append(t.name())
                    .append(" ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')\n")
                    .append("  LOCATION '${hivevar:lake_root}/raw/erp/").append(t.name())
                    .append("/ingest_date=${hivevar:ingest_date}';\n");
        }
        for (TableSpec t : catalog.tables()) {
            if (t.deletes()) {
                sb.append("\nALTER TABLE raw.").append(t.name()).append("_deleted")
                        .append(" ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')\n")
                        .append("  LOCATION '${hivevar:lake_root}/raw/deleted/erp/").append(t.name())
                        .append("/ingest_date=${hivevar:ingest_date}';\n");
            }
        }
        return sb.toString();
    }

    static String hiveType(ColumnContract c) {
        switch (c.type()) {
            case INT:
                return "INT";
            case BIGINT:
                return "BIGINT";
            case DECIMAL:
                return c.precision() > 0 ? "DECIMAL(" + c.precision() + "," + c.scale() + ")" : "DECIMAL(18,4)";
            case DATE:
                return "DATE";
            case TIMESTAMP:
                return "TIMESTAMP";
            default:
                return "STRING";
        }
    }
}
