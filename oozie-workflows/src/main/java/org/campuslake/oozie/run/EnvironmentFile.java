package org.campuslake.oozie.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment's settings file (env/ENV/*.properties) with the facts of the machine it runs on filled in:
 * {@code ${name}} is replaced by the fact of that name. The local environment needs it (ports and paths are known
 * only once the services run); a cluster's files have no placeholder. An unknown name is an error, never left in.
 */
public final class EnvironmentFile {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private EnvironmentFile() {}

    public static String render(String text, Map<String, String> facts, String where) {
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = facts.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException(where + ": no value for ${" + m.group(1) + "} (known: "
                        + String.join(", ", new java.util.TreeSet<>(facts.keySet())) + ")");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Renders {@code template} into {@code target} (written whole, then moved into place). */
    public static Path render(Path template, Map<String, String> facts, Path target) throws IOException {
        String text = render(Files.readString(template, StandardCharsets.UTF_8), facts, template.toString());
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(tmp, "# Rendered from " + template + "\n" + text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
