package org.campuslake.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Makes a staged folder the partition, in one step a reader can rely on: the data is written in a hidden staging
 * folder, {@code _SUCCESS} is written last in it, and one directory rename publishes both. A run killed before
 * the rename leaves only a hidden folder behind (removed by the next run); a previous partition is moved aside
 * first and deleted only after the new one is in place.
 */
public final class PartitionPublisher {
    private final FileSystem fs;

    public PartitionPublisher(FileSystem fs) {
        this.fs = fs;
    }

    /** A fresh hidden staging folder next to {@code partition}. */
    public Path staging(Path partition) {
        return new Path(partition.getParent(), "_staging_" + partition.getName() + "_" + System.nanoTime());
    }

    /** Removes staging and trash folders that killed runs left next to {@code partition}. */
    public void cleanLeftovers(Path partition) throws IOException {
        Path parent = partition.getParent();
        if (!fs.exists(parent)) {
            return;
        }
        for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(parent)) {
            String n = st.getPath().getName();
            if (n.startsWith("_staging_" + partition.getName() + "_") || n.startsWith("_trash_" + partition.getName() + "_")) {
                fs.delete(st.getPath(), true);
            }
        }
    }

    public void writeFile(Path file, String content) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes _SUCCESS in {@code staging}, then renames it to {@code partition}, replacing a previous one. */
    public void publish(Path staging, Path partition) throws IOException {
        publish(staging, partition, true);
    }

    /**
     * Renames {@code staging} to {@code partition}, replacing a previous one; with {@code ready} false the partition
     * is published without {@code _SUCCESS}, so a consumer waiting on its done flag keeps waiting until
     * {@link #markReady} (a raw partition is ready only once the whole day passed the reject-ratio check).
     */
    public void publish(Path staging, Path partition, boolean ready) throws IOException {
        fs.delete(new Path(staging, LakeLayout.SUCCESS), false);
        if (ready) {
            writeFile(new Path(staging, LakeLayout.SUCCESS), "");
        }
        Path trash = null;
        if (fs.exists(partition)) {
            trash = new Path(partition.getParent(), "_trash_" + partition.getName() + "_" + System.nanoTime());
            if (!fs.rename(partition, trash)) {
                throw new IOException("cannot move the previous " + partition + " aside");
            }
        }
        fs.mkdirs(partition.getParent());
        if (!fs.rename(staging, partition)) {
            throw new IOException("cannot publish " + staging + " as " + partition);
        }
        if (trash != null) {
            fs.delete(trash, true);
        }
    }

    /** Writes the done flag of a published partition. */
    public void markReady(Path partition) throws IOException {
        if (!fs.exists(partition)) {
            throw new IOException("cannot mark " + partition + " ready: it is not published");
        }
        writeFile(new Path(partition, LakeLayout.SUCCESS), "");
    }

    /** A partition is complete once its _SUCCESS is there. */
    public boolean isComplete(Path partition) throws IOException {
        return fs.exists(new Path(partition, LakeLayout.SUCCESS));
    }
}
