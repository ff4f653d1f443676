package org.campuslake.oozie.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Lake and application paths of the workflows as files on this machine. */
final class LocalPaths {
    private LocalPaths() {}

    /** file: URIs and absolute paths; a relative path is relative to the application's folder. */
    static Path of(WorkflowApp app, String path) throws IOException {
        if (path.startsWith("file:")) {
            return Path.of(URI.create(path.startsWith("file:///") || !path.startsWith("file://") ? path
                    : "file:///" + path.substring("file://".length())));
        }
        if (path.contains("://")) {
            throw new IOException(path + ": the local runner reads local files only (file: or a plain path)");
        }
        Path p = Path.of(path);
        return p.isAbsolute() || app == null ? p : app.dir().resolve(p);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
