package org.campuslake.ingest.validate;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/** Writes each value as a line into the sub-folder named by its key (valid/, quarantine/), through the committer. */
public class RoutedTextOutputFormat extends FileOutputFormat<Text, Text> {
    @Override
    public RecordWriter<Text, Text> getRecordWriter(TaskAttemptContext context) throws IOException {
        final Path work = ((FileOutputCommitter) getOutputCommitter(context)).getWorkPath();
        final String file = getUniqueFile(context, "part", "");
        final FileSystem fs = work.getFileSystem(context.getConfiguration());
        return new RecordWriter<Text, Text>() {
            private final Map<String, DataOutputStream> streams = new HashMap<String, DataOutputStream>();

            @Override
            public void write(Text key, Text value) throws IOException {
                DataOutputStream out = streams.get(key.toString());
                if (out == null) {
                    out = fs.create(new Path(new Path(work, key.toString()), file), false);
                    streams.put(key.toString(), out);
                }
                out.write(value.getBytes(), 0, value.getLength());
                out.write("\n".getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close(TaskAttemptContext c) throws IOException {
                for (DataOutputStream out : streams.values()) {
                    out.close();
                }
            }
        };
    }
}
