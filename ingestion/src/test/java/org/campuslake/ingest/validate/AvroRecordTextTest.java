package org.campuslake.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;
import org.junit.jupiter.api.Test;

class AvroRecordTextTest {
    @Test
    void rendersASqoopAvroRecordAsARawRecordLineKeepingEveryCharacter() {
        TableSpec grades = Catalog.builtIn().table("grades");
        Schema decimal = LogicalTypes.decimal(5, 2).addToSchema(Schema.create(Schema.Type.BYTES));
        Schema schema = SchemaBuilder.record("grades").fields()
                .optionalLong("grade_id").optionalInt("student_id").optionalInt("subject_id").optionalLong("graded_on")
                .name("grade").type(Schema.createUnion(Schema.create(Schema.Type.NULL), decimal)).noDefault()
                .optionalString("assessment").optionalLong("updated_at").endRecord();
        GenericRecord r = new GenericData.Record(schema);
        Timestamp ts = Timestamp.valueOf("2025-09-01 18:57:23");
        r.put("grade_id", 7L);
        r.put("student_id", 70);
        r.put("subject_id", 16);
        r.put("graded_on", java.sql.Date.valueOf("2025-09-01").getTime());
        r.put("grade", ByteBuffer.wrap(new BigDecimal("82.50").unscaledValue().toByteArray()));
        r.put("assessment", "qu\niz");
        r.put("updated_at", ts.getTime());
        String line = AvroRecordText.render(r, grades, grades.columnNames());
        assertThat(line).isEqualTo(String.join("\001", "7", "70", "16", "2025-09-01", "82.50", "qu\\niz", "2025-09-01 18:57:23.0"))
                .doesNotContain("\n");
        assertThat(EscapedText.split(line)[5]).isEqualTo("qu\niz");
        r.put("assessment", null);
        assertThat(AvroRecordText.render(r, grades, grades.columnNames())).contains("\001\\N\001");
    }
}
