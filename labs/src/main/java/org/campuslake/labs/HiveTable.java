package org.campuslake.labs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as {@code DESCRIBE FORMATTED} shows it, read from HiveServer2's and the Spark Thrift Server's output
 * (tab-separated rows, as Beeline's tsv2 prints them). The two engines label the same facts differently: Hive says
 * {@code Table Type: EXTERNAL_TABLE} and {@code Location:}, Spark {@code Type EXTERNAL} and {@code Location}.
 *
 * @param columns   the data columns, name to type (lower case), in order
 * @param partitions the partition columns, name to type
 * @param type      MANAGED, EXTERNAL or VIEW (Hive's VIRTUAL_VIEW, Spark's VIEW)
 * @param location  the table's folder, as the metastore holds it
 * @param inputFormat the class that reads its files (TextInputFormat, MapredParquetInputFormat, ...)
 */
public record HiveTable(Map<String, String> columns, Map<String, String> partitions, String type, String location,
        String inputFormat) {

    /** Whether its files are Parquet (STORED AS PARQUET, on either engine). */
    public boolean parquet() {
        return inputFormat != null && inputFormat.toLowerCase(java.util.Locale.ROOT).contains("parquet");
    }

    public static HiveTable parse(List<String> describeFormatted) {
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, String> partitions = new LinkedHashMap<>();
        String type = null;
        String location = null;
        String inputFormat = null;
        Map<String, String> current = columns;
        boolean details = false;
        for (String row : describeFormatted) {
            String[] f = fields(row);
            String first = f[0];
            if (first.startsWith("# Partition Information")) {
                current = partitions;
                continue;
            }
            if (first.startsWith("# Detailed Table Information") || first.startsWith("# Storage Information")) {
                details = true;
                continue;
            }
            // Hive pads its blocks with rows of NULLs (a leading empty field, which a stripped row loses).
            if (first.startsWith("#") || first.isEmpty() || first.equals("NULL")) {
                continue;
            }
            if (details || first.endsWith(":")) {
                details = true;
                String key = first.replaceAll(":$", "");
                String value = f.length > 1 ? f[1] : "";
                if (key.equals("Table Type") || key.equals("Type")) {
                    String v = value.toUpperCase(java.util.Locale.ROOT);
                    type = v.contains("VIEW") ? "VIEW" : v.startsWith("EXTERNAL") ? "EXTERNAL" : "MANAGED";
                } else if (key.equals("Location")) {
                    location = value;
                } else if (key.equals("InputFormat")) {
                    inputFormat = value;
                }
                continue;
            }
            if (f.length > 1) {
                current.put(first.toLowerCase(java.util.Locale.ROOT), f[1].toLowerCase(java.util.Locale.ROOT));
            }
        }
        // Both engines list the partition columns among the columns too.
        partitions.keySet().forEach(columns::remove);
        return new HiveTable(columns, partitions, type, location, inputFormat);
    }

    private static String[] fields(String row) {
        String[] raw = row.split("\t", -1);
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            out.add(r.strip());
        }
        return out.toArray(new String[0]);
    }
}
