package org.campuslake.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HiveQlScriptTest {
    @Test
    void substitutesHivevarsSplitsStatementsAndSetsAsideBeelineOnlyLines() {
        String text = "!connect jdbc:hive2://localhost:10000\n"
                + "-- a comment; with a semicolon\n"
                + "CREATE DATABASE IF NOT EXISTS raw;\n"
                + "dfs -ls ${hivevar:lake_root};\n"
                + "ALTER TABLE raw.t ADD IF NOT EXISTS PARTITION (d = '${hivevar:day}')\n"
                + "  LOCATION '${hivevar:lake_root}/t/d=${hivevar:day}';\n"
                + "SELECT 'a;b', \"c;d\" FROM raw.t";
        HiveQlScript s = HiveQlScript.parse("x.hql", text, Map.of("lake_root", "file:///lake", "day", "2026-09-01"));
        assertThat(s.statements()).extracting(HiveQlScript.Statement::sql).containsExactly(
                "CREATE DATABASE IF NOT EXISTS raw",
                "ALTER TABLE raw.t ADD IF NOT EXISTS PARTITION (d = '2026-09-01')\n  LOCATION 'file:///lake/t/d=2026-09-01'",
                "SELECT 'a;b', \"c;d\" FROM raw.t");
        assertThat(s.statements()).extracting(HiveQlScript.Statement::line).containsExactly(3, 5, 7);
        assertThat(s.skipped()).extracting(HiveQlScript.Statement::sql)
                .containsExactly("!connect jdbc:hive2://localhost:10000", "dfs -ls file:///lake");
    }

    @Test
    void anUndefinedVariableIsAnErrorNamingIt() {
        assertThatThrownBy(() -> HiveQlScript.parse("x.hql", "SELECT '${hivevar:a}', '${hivevar:b}'", Map.of("a", "1")))
                .hasMessage("x.hql: undefined variable(s) [b] (pass --hivevar NAME=VALUE)");
    }
}
