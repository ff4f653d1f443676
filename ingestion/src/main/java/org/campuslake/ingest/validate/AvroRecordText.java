package org.campuslake.ingest.validate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.campuslake.ingest.catalog.ColumnContract;
import org.campuslake.ingest.catalog.ColumnType;
import org.campuslake.ingest.catalog.TableSpec;

/**
 * Renders a Sqoop Avro record as a record line of the raw zone ({@link EscapedText}): fields joined by \001, NULL
 * as \N, every value's characters kept (a newline, a \001 or a backslash is escaped, never replaced), decimals from their logical type, and dates and timestamps (which Sqoop stores as epoch milliseconds) printed
 * as java.sql.Date and java.sql.Timestamp print them, in the JVM's time zone as Sqoop read them. Validation and
 * the raw zone are then the same for both landing formats.
 */
public final class AvroRecordText {
    private AvroRecordText() {}

    public static String render(GenericRecord r, TableSpec spec, List<String> columns) {
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(RecordValidator.FIELD_SEPARATOR);
            }
            String name = columns.get(i);
            Schema.Field field = r.getSchema().getField(name);
            Object v = field == null ? null : r.get(name);
            sb.append(v == null ? EscapedText.NULL : EscapedText.escape(text(v, field.schema(), spec.column(name))));
        }
        return sb.toString();
    }

    static String text(Object v, Schema schema, ColumnContract contract) {
        if (v instanceof ByteBuffer) {
            LogicalType lt = nonNull(schema).getLogicalType();
            if (lt instanceof LogicalTypes.Decimal) {
                ByteBuffer b = ((ByteBuffer) v).duplicate();
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                return new BigDecimal(new BigInteger(bytes), ((LogicalTypes.Decimal) lt).getScale()).toPlainString();
            }
            return new String(((ByteBuffer) v).array(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (v instanceof Long && contract != null) {
            if (contract.type() == ColumnType.DATE) {
                return new java.sql.Date((Long) v).toString();
            }
            if (contract.type() == ColumnType.TIMESTAMP) {
                return new java.sql.Timestamp((Long) v).toString();
            }
        }
        return v.toString(); // every byte kept: render escapes what the line format needs
    }

    private static Schema nonNull(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            for (Schema branch : s.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    return branch;
                }
            }
        }
        return s;
    }
}
