package org.campuslake.oozie.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campuslake.oozie.el.ElScope;

/** The {@code fs:} functions on the local runner's file system: the lake's {@code file:} paths (or plain paths). */
final class LocalFileChecks implements ElScope.FileChecks {
    static Path path(String uri) {
        URI u = URI.create(uri);
        if (u.getScheme() == null) {
            return Path.of(uri);
        }
        if (!u.getScheme().equals("file")) {
            throw new IllegalArgumentException("fs: the local runner reads file: paths only, not " + uri);
        }
        return Path.of(u);
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(path(path));
    }

    @Override
    public boolean isDir(String path) {
        return Files.isDirectory(path(path));
    }

    @Override
    public long fileSize(String path) {
        Path p = path(path);
        try {
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
