package org.campuslake.ingest.validate;

import java.io.IOException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.ColumnContract;

import org.campuslake.ingest.catalog.TableSpec;

/**
 * Checks each landed record against the catalog contract. Emits (primary key, tagged record) so the reducer can
 * spot duplicate keys; a record whose key cannot be read is keyed by its file offset.
 */
public class ValidationMapper extends Mapper<LongWritable, Text, Text, Text> {
    public static final String CONF_CATALOG = "campuslake.validate.catalog.yaml";
    public static final String CONF_TABLE = "campuslake.validate.table";
    public static final String CONF_COLUMNS = "campuslake.validate.columns";
    public static final String COUNTERS = "Campus Lake validation";

    private RecordValidator validator;
    private final Text outKey = new Text();
    private final Text outValue = new Text();

    @Override
    protected void setup(Context context) throws IOException {
        validator = withReferences(context.getConfiguration());
    }

    /** The validator of the job's table, without the reference checks (what the reducer needs). */
    static RecordValidator fromConf(Configuration conf) {
        Catalog catalog = Catalog.parse(conf.get(CONF_CATALOG), "catalog (job configuration)");
        TableSpec spec = catalog.table(conf.get(CONF_TABLE));
        return new RecordValidator(spec, Arrays.asList(conf.getStrings(CONF_COLUMNS)));
    }

    /** The validator of the job's table with every reference check: each referencing column needs its key file. */
    static RecordValidator withReferences(Configuration conf) throws IOException {
        Catalog catalog = Catalog.parse(conf.get(CONF_CATALOG), "catalog (job configuration)");
        TableSpec spec = catalog.table(conf.get(CONF_TABLE));
        Map<String, Set<String>> keys = new HashMap<String, Set<String>>();
        for (ColumnContract c : spec.references()) {
            Set<String> k = ReferencedKeys.load(conf, c.name());
            if (k == null) {
                throw new IllegalStateException("erp." + spec.name() + "." + c.name() + " references " + c.references()
                        + ", but the job names no key file for it (" + ReferencedKeys.CONF_PREFIX + c.name() + ")");
            }
            keys.put(c.name(), k);
        }
        return new RecordValidator(spec, Arrays.asList(conf.getStrings(CONF_COLUMNS)), keys);
    }

    @Override
    protected void map(LongWritable offset, Text value, Context context) throws IOException, InterruptedException {
        emit(validator, EscapedText.fromLanding(value.toString()), "!offset:" + offset.get(), outKey, outValue, context);
    }

    /** Checks one record and emits it keyed by its primary key (or {@code fallbackKey} when that is unreadable). */
    static void emit(RecordValidator validator, String line, String fallbackKey, Text outKey, Text outValue,
                     TaskInputOutputContext<?, ?, Text, Text> context) throws IOException, InterruptedException {
        context.getCounter(COUNTERS, "INPUT").increment(1);
        RecordValidator.Result r = validator.check(line);
        if (r.valid()) {
            outKey.set(r.key);
            outValue.set(ValidationRecord.valid(line));
        } else {
            outKey.set(r.key != null ? r.key : fallbackKey);
            outValue.set(ValidationRecord.reject(r.reason, r.detail, line));
        }
        context.write(outKey, outValue);
    }
}
