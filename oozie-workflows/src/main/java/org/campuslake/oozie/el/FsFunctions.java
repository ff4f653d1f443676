package org.campuslake.oozie.el;

/** The {@code fs:} functions, answered by the runner's file system (Hadoop's FileSystem API). */
public final class FsFunctions {
    private FsFunctions() {}

    private static ElScope.FileChecks fs() {
        ElScope.FileChecks f = ElScope.current().fs;
        if (f == null) {
            throw new IllegalStateException("fs: functions need a file system");
        }
        return f;
    }

    public static boolean exists(String path) { return fs().exists(path); }

    public static boolean isDir(String path) { return fs().isDir(path); }

    public static long fileSize(String path) { return fs().fileSize(path); }
}
