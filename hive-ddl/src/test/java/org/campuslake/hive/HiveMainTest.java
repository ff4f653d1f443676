package org.campuslake.hive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HiveMainTest {
    @Test
    void aStatementsErrorIsItsFirstLineWithWords() {
        // The message of Spark 3.5's ParseException for ALTER TABLE ... DROP PARTITION (m < '2026-10').
        assertThat(HiveMain.firstLine("\n[PARSE_SYNTAX_ERROR] Syntax error at or near '<'.(line 1, pos 44)\n\n== SQL ==\n"
                + "ALTER TABLE scratch.p DROP IF EXISTS PARTITION (m < '2026-10')\n"))
                .isEqualTo("[PARSE_SYNTAX_ERROR] Syntax error at or near '<'.(line 1, pos 44)");
        assertThat(HiveMain.firstLine("Table or view not found: curated.nothing")).isEqualTo("Table or view not found: curated.nothing");
        assertThat(HiveMain.firstLine(null)).isEqualTo("failed");
        assertThat(HiveMain.firstLine("\n\n")).isEqualTo("failed");
    }
}
