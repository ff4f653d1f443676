package org.campuslake.ingest.validate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Routes each key's records: at most one valid record per key goes to {@code valid} (the most recently updated
 * when there are several; the others are quarantined as duplicates), every reject goes to {@code quarantine}
 * with its reason. The output key names the destination folder (see {@link RoutedTextOutputFormat}).
 */
public class ValidationReducer extends Reducer<Text, Text, Text, Text> {
    public static final Text VALID = new Text("valid");
    public static final Text QUARANTINE = new Text("quarantine");

    private int checkIndex = -1;
    private final Text out = new Text();

    @Override
    protected void setup(Context context) {
        checkIndex = ValidationMapper.fromConf(context.getConfiguration()).checkIndex();
    }

    /** For tests that build the reducer without a configuration. */
    void setCheckIndex(int checkIndex) {
        this.checkIndex = checkIndex;
    }

    @Override
    protected void reduce(Text key, Iterable<Text> values, Context context) throws IOException, InterruptedException {
        List<String> valid = new ArrayList<String>();
        for (Text v : values) {
            ValidationRecord r = ValidationRecord.parse(v.toString());
            if (r.valid) {
                valid.add(r.record);
            } else {
                reject(context, r.reason, r.detail, r.record);
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        String keep = valid.get(0);
        for (String candidate : valid) {
            if (newer(candidate, keep)) {
                keep = candidate;
            }
        }
        out.set(keep);
        context.write(VALID, out);
        context.getCounter(ValidationMapper.COUNTERS, "VALID").increment(1);
        boolean kept = false;
        for (String other : valid) {
            if (!kept && other.equals(keep)) {
                kept = true;
                continue;
            }
            reject(context, RejectReason.DUPLICATE_KEY.name(), "key=" + key, other);
        }
    }

    /** Later updated_at wins; ties are broken on the text so the choice never depends on input order. */
    private boolean newer(String a, String b) {
        if (checkIndex >= 0) {
            String x = RecordValidator.split(a)[checkIndex];
            String y = RecordValidator.split(b)[checkIndex];
            int c = x == null ? (y == null ? 0 : -1) : y == null ? 1 : x.compareTo(y);
            if (c != 0) {
                return c > 0;
            }
        }
        return a.compareTo(b) > 0;
    }

    private void reject(Context context, String reason, String detail, String record) throws IOException, InterruptedException {
        out.set(ValidationRecord.quarantineLine(reason, detail, record));
        context.write(QUARANTINE, out);
        context.getCounter(ValidationMapper.COUNTERS, "REJECTED").increment(1);
        context.getCounter(ValidationMapper.COUNTERS, "REJECT_" + reason).increment(1);
    }
}
