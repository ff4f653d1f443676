package org.campuslake.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every .hql file stays in the subset that runs the same on HiveServer2 and on Spark SQL (measured, see
 * DESIGN.md): a script that would break on one engine fails the build here.
 */
class HqlLintTest {
    private static final Map<String, Pattern> FORBIDDEN = new HashMap<>();

    static {
        FORBIDDEN.put("USING <format> (Spark-only table syntax; use STORED AS)", Pattern.compile("(?i)\\)\\s*USING\\s+\\w+"));
        FORBIDDEN.put("ACID / transactional tables (Spark cannot read them)", Pattern.compile("(?i)transactional|\\bUPDATE\\s+\\w+\\s+SET\\b|\\bDELETE\\s+FROM\\b|\\bMERGE\\s+INTO\\b"));
        FORBIDDEN.put("buckets (Spark writes them differently)", Pattern.compile("(?i)CLUSTERED\\s+BY|\\bBUCKETS\\b"));
        FORBIDDEN.put("partitioned CTAS (Hive rejects it)", Pattern.compile("(?is)CREATE\\s+TABLE[^;]*PARTITIONED\\s+BY[^;]*\\bAS\\s+SELECT"));
        FORBIDDEN.put("skip.header.line.count (ignored by Spark)", Pattern.compile("(?i)skip\\.header\\.line\\.count"));
        FORBIDDEN.put("CREATE TEMPORARY TABLE (Spark rejects it)", Pattern.compile("(?i)CREATE\\s+TEMPORARY\\s+TABLE"));
        FORBIDDEN.put("materialized views", Pattern.compile("(?i)MATERIALIZED\\s+VIEW"));
        FORBIDDEN.put("EXCHANGE / CONCATENATE", Pattern.compile("(?i)\\bEXCHANGE\\s+PARTITION|\\bCONCATENATE\\b"));
        FORBIDDEN.put("variables other than ${hivevar:...} (Spark empties unknown ones)",
                Pattern.compile("\\$\\{(?!hivevar:)[^}]*}"));
    }

    static List<Path> scripts() throws Exception {
        try (Stream<Path> s = Files.walk(GeneratedHqlTest.HQL)) {
            return s.filter(p -> p.toString().endsWith(".hql")).sorted().toList();
        }
    }

    @Test
    void everyScriptStaysInTheCommonSubset() throws Exception {
        List<Path> files = scripts();
        assertThat(files).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String text = stripComments(Files.readString(f, StandardCharsets.UTF_8));
            FORBIDDEN.forEach((what, p) -> {
                Matcher m = p.matcher(text);
                if (m.find()) {
                    problems.add(f + ": " + what + ": '" + m.group() + "'");
                }
            });
            problems.addAll(unaliasedViewExpressions(f, text));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theLintCatchesWhatItShould() {
        String bad = "CREATE TABLE t (a INT) USING parquet; CREATE TABLE u (a INT) CLUSTERED BY (a) INTO 4 BUCKETS;"
                + " SELECT '${env:HOME}';";
        long hits = FORBIDDEN.values().stream().filter(p -> p.matcher(bad).find()).count();
        assertThat(hits).isEqualTo(3);
        assertThat(unaliasedViewExpressions(Path.of("x.hql"), "CREATE VIEW v AS SELECT a, COUNT(*) FROM t GROUP BY a;"))
                .hasSize(1);
        assertThat(unaliasedViewExpressions(Path.of("x.hql"), "CREATE VIEW v AS SELECT a, COUNT(*) AS n FROM t GROUP BY a;"))
                .isEmpty();
    }

    /** In views, every computed select expression needs an alias (Hive and Spark name them differently). */
    static List<String> unaliasedViewExpressions(Path f, String text) {
        List<String> out = new ArrayList<>();
        Matcher v = Pattern.compile("(?is)CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)\\s+(?:COMMENT\\s+'[^']*'\\s+)?AS\\s+SELECT\\s+(.*?)\\s+FROM\\s")
                .matcher(text);
        while (v.find()) {
            for (String expr : splitTopLevel(v.group(2))) {
                String e = expr.strip();
                boolean plainColumn = e.matches("[A-Za-z_][\\w.]*");
                boolean aliased = e.matches("(?is).*\\sAS\\s+`?\\w+`?");
                if (!plainColumn && !aliased) {
                    out.add(f + ": view " + v.group(1) + ": expression without an alias: " + e);
                }
            }
        }
        return out;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String stripComments(String text) {
        return text.replaceAll("(?m)--.*$", "");
    }
}
