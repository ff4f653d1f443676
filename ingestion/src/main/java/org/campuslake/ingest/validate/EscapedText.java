package org.campuslake.ingest.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a record in the raw and quarantine zones: fields separated by \001, NULL as {@code \N}, and
 * inside a value a backslash escapes what would otherwise end it: {@code \\}, backslash-\001, {@code \n} and
 * {@code \r}. It is what Hive's LazySimpleSerDe reads with {@code escape.delim='\\'} and
 * {@code serialization.escape.crlf='true'}, so a value's bytes reach curated unchanged: a record stays one line,
 * whatever its values hold.
 */
public final class EscapedText {
    public static final char SEPARATOR = '\001';
    public static final String NULL = "\\N";

    private EscapedText() {}

    /** A value escaped for one field. */
    public static String escape(String v) {
        StringBuilder sb = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String e = c == '\\' ? "\\\\" : c == SEPARATOR ? "\\\001" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : null;
            if (e != null && sb == null) {
                sb = new StringBuilder(v.length() + 8).append(v, 0, i);
            }
            if (sb != null) {
                if (e != null) {
                    sb.append(e);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? v : sb.toString();
    }

    /** One field of a record line: NULL for a null value, the escaped value otherwise. */
    public static String field(String v) {
        return v == null ? NULL : escape(v);
    }

    /**
     * A line of Sqoop's text landing (\001-separated, {@code \N} for NULL, no escaping: Sqoop replaced newlines
     * and \001 in values) in this form: its backslashes escaped, its NULLs kept.
     */
    public static String fromLanding(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length() + 8);
        int start = 0;
        while (true) {
            int end = line.indexOf(SEPARATOR, start);
            String f = end < 0 ? line.substring(start) : line.substring(start, end);
            sb.append(NULL.equals(f) ? f : escape(f));
            if (end < 0) {
                return sb.toString();
            }
            sb.append(SEPARATOR);
            start = end + 1;
        }
    }

    /** The values of a line, unescaped, with Java null for NULL; empty trailing fields kept. */
    public static String[] split(String line) {
        List<String> out = new ArrayList<String>();
        StringBuilder cur = new StringBuilder();
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                cur.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
                escaped = true;
            } else if (c == SEPARATOR) {
                out.add(value(cur, escaped));
                cur.setLength(0);
                escaped = false;
            } else {
                cur.append(c);
            }
        }
        out.add(value(cur, escaped));
        return out.toArray(new String[0]);
    }

    private static String value(StringBuilder cur, boolean escaped) {
        // "\N" unescaped is NULL only when the line held exactly those two characters, not "\\N"
        String v = cur.toString();
        return !escaped || !"N".equals(v) ? v : null;
    }
}
