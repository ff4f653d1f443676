package org.campuslake.ingest.validate;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.mapred.AvroKey;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.TableSpec;

/** {@link ValidationMapper} for Avro landings: each record is rendered as text, then checked the same way. */
public class AvroValidationMapper extends Mapper<AvroKey<GenericRecord>, NullWritable, Text, Text> {
    private RecordValidator validator;
    private TableSpec spec;
    private List<String> columns;
    private String task;
    private long n;
    private final Text outKey = new Text();
    private final Text outValue = new Text();

    @Override
    protected void setup(Context context) throws IOException {
        Catalog catalog = Catalog.parse(context.getConfiguration().get(ValidationMapper.CONF_CATALOG), "catalog (job configuration)");
        spec = catalog.table(context.getConfiguration().get(ValidationMapper.CONF_TABLE));
        columns = Arrays.asList(context.getConfiguration().getStrings(ValidationMapper.CONF_COLUMNS));
        validator = ValidationMapper.withReferences(context.getConfiguration());
        task = context.getTaskAttemptID().getTaskID().toString();
    }

    @Override
    protected void map(AvroKey<GenericRecord> key, NullWritable ignored, Context context) throws IOException, InterruptedException {
        String line = AvroRecordText.render(key.datum(), spec, columns);
        ValidationMapper.emit(validator, line, "!record:" + task + ":" + (n++), outKey, outValue, context);
    }
}
