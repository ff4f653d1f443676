package org.campuslake.oozie.run;

import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Properties;

/**
 * The first class of a local action JVM, as Oozie's launcher is in its container: it calls the action's main
 * class, and tells an exception thrown by the main (error code JA018, which {@code retry-max} retries) from the
 * main's own exit code ({@code System.exit(n)}: error code n, not retried). Depends on nothing but the JDK: it is
 * put alone on the action's classpath.
 */
public final class LauncherMain {
    /** Where the error properties go ({@code error.code}, {@code error.reason}), as the launcher's error file. */
    public static final String ERROR_PROPERTIES = "oozie.action.error.properties";

    private LauncherMain() {}

    public static void main(String[] args) throws Exception {
        String mainClass = args[0];
        try {
            Class.forName(mainClass).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            cause.printStackTrace();
            fail("JA018", "Main class [" + mainClass + "], exception invoking main(), " + cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            e.printStackTrace();
            fail("JA018", "Main class [" + mainClass + "] cannot be run: " + e);
        }
        // The action ends when its main returns, as the launcher's container does, whatever threads are left.
        System.exit(0);
    }

    private static void fail(String code, String reason) throws Exception {
        String file = System.getProperty(ERROR_PROPERTIES);
        if (file != null) {
            Properties p = new Properties();
            p.setProperty("error.code", code);
            p.setProperty("error.reason", reason);
            try (OutputStream o = Files.newOutputStream(Paths.get(file))) {
                p.store(o, "");
            }
        }
        System.out.flush();
        System.exit(1);
    }
}
