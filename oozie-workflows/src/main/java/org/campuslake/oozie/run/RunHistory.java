package org.campuslake.oozie.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The run history under {@code <lake home>/runs/}: one folder per run with its record and its actions' logs. */
public final class RunHistory {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Path root;

    public RunHistory(Path lakeHome) {
        this.root = lakeHome.resolve("runs");
    }

    public Path root() {
        return root;
    }

    /** A new run folder, named after its start time (a suffix keeps two runs of the same second apart). */
    synchronized Path create(RunRecord r) throws IOException {
        Files.createDirectories(root);
        String base = ID.format(ZonedDateTime.now(ZoneOffset.UTC));
        for (int n = 1; ; n++) {
            String id = n == 1 ? base : base + "-" + n;
            Path dir = root.resolve(id);
            try {
                Files.createDirectory(dir);
                r.id = id;
                save(r);
                return dir;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
    }

    /** Writes the record atomically (a reader never sees half a file). */
    synchronized void save(RunRecord r) {
        try {
            Path dir = root.resolve(r.id);
            Path tmp = dir.resolve("run.json.tmp");
            JSON.writeValue(tmp.toFile(), r);
            Files.move(tmp, dir.resolve("run.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run record of " + r.id, e);
        }
    }

    public RunRecord load(String id) throws IOException {
        Path file = root.resolve(id).resolve("run.json");
        if (!Files.exists(file)) {
            throw new IOException("no run " + id + " in " + root);
        }
        return JSON.readValue(file.toFile(), RunRecord.class);
    }

    /** Every run, newest first. */
    public List<RunRecord> list() throws IOException {
        List<RunRecord> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path dir : s.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.exists(dir.resolve("run.json"))) {
                    out.add(JSON.readValue(dir.resolve("run.json").toFile(), RunRecord.class));
                }
            }
        }
        return out;
    }
}
