package org.campuslake.hive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A HiveQL script as both engines see it: statements split on ';' outside quotes and comments, {@code ${hivevar:x}}
 * substituted (an undefined variable is an error naming it; Spark would silently make it empty), and what only
 * Beeline understands ({@code !} commands, {@code dfs}, {@code source}) set aside for the local executor.
 */
public final class HiveQlScript {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{hivevar:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern BEELINE_ONLY = Pattern.compile("(?is)^(dfs|source)\\s.*");

    /** One statement with its first line in the file, for error messages. */
    public record Statement(String sql, int line) {}

    private final String name;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Statement> skipped = new ArrayList<>();

    private HiveQlScript(String name) {
        this.name = name;
    }

    public String name() { return name; }

    /** Statements for Spark SQL, variables substituted. */
    public List<Statement> statements() { return statements; }

    /** Beeline-only lines and statements the local executor does not run. */
    public List<Statement> skipped() { return skipped; }

    public static HiveQlScript parse(String name, String text, Map<String, String> hivevars) {
        Set<String> missing = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (!hivevars.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + ": undefined variable(s) " + missing
                    + " (pass --hivevar NAME=VALUE)");
        }
        HiveQlScript script = new HiveQlScript(name);
        StringBuilder cur = new StringBuilder();
        int curLine = 1;
        int line = 1;
        char quote = 0;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && lineStart && c == '!') { // Beeline command: the whole line
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                script.skipped.add(new Statement(text.substring(i, end).strip(), line));
                i = end - 1;
                continue;
            }
            if (c == '\n') {
                line++;
                lineStart = true;
            } else if (!Character.isWhitespace(c)) {
                lineStart = false;
            }
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    cur.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == ';') {
                script.add(cur.toString(), curLine, hivevars);
                cur.setLength(0);
            } else {
                if (cur.toString().isBlank() && !Character.isWhitespace(c)) {
                    curLine = line;
                }
                cur.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException(name + ": unterminated quoted string");
        }
        script.add(cur.toString(), curLine, hivevars);
        return script;
    }

    private void add(String raw, int line, Map<String, String> vars) {
        String sql = raw.strip();
        if (sql.isEmpty()) {
            return;
        }
        Matcher m = VARIABLE.matcher(sql);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(vars.get(m.group(1))));
        }
        m.appendTail(sb);
        Statement st = new Statement(sb.toString(), line);
        if (BEELINE_ONLY.matcher(st.sql()).matches()) {
            skipped.add(st);
        } else {
            statements.add(st);
        }
    }
}
