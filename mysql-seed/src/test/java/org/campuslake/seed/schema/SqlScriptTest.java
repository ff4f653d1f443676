package org.campuslake.seed.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        String sql = "-- a comment; not a statement\n"
                + "CREATE TABLE t (a INT COMMENT 'x; y');\n"
                + "INSERT INTO t VALUES (1); # trailing; comment\n"
                + "SELECT DATE_FORMAT(d, '%Y;%m') FROM `we;ird`;\n"
                + "SELECT 'it''s'; SELECT \"dq;\";";
        assertThat(SqlScript.statements(sql)).containsExactly(
                "CREATE TABLE t (a INT COMMENT 'x; y')",
                "INSERT INTO t VALUES (1)",
                "SELECT DATE_FORMAT(d, '%Y;%m') FROM `we;ird`",
                "SELECT 'it''s'",
                "SELECT \"dq;\"");
    }

    @Test
    void rejectsUnterminatedStrings() {
        assertThatThrownBy(() -> SqlScript.statements("SELECT 'oops;")).hasMessageContaining("unterminated");
    }

    @Test
    void theShippedDdlFilesAreListedAndParse() {
        List<SchemaInstaller.Script> scripts = SchemaInstaller.scripts();
        assertThat(scripts).extracting(SchemaInstaller.Script::path)
                .containsExactly("lake_meta/V001__lake_meta.sql", "lake_meta/V002__erasures.sql", "erp/V001__erp_tables.sql",
                        "summary/V001__summary_dimensions.sql", "summary/V002__summary_kpis.sql",
                        "summary/V004__versioned_snapshots.sql", "summary/V006__bi_views.sql");
        for (SchemaInstaller.Script s : scripts) {
            assertThat(SqlScript.statements(s.text())).isNotEmpty();
            assertThat(s.checksum()).hasSize(64);
        }
        // Every ERP table carries the incremental-import column, maintained on every change.
        String erp = text(scripts, "erp/V001__erp_tables.sql");
        long tables = SqlScript.statements(erp).stream().filter(st -> st.startsWith("CREATE TABLE")).count();
        assertThat(tables).isEqualTo(11);
        assertThat(erp.split("ON UPDATE CURRENT_TIMESTAMP", -1)).hasSize(12);
        // Every KPI fact table is keyed by its snapshot date first (the publish replaces one date) and documented.
        List<String> facts = SqlScript.statements(text(scripts, "summary/V002__summary_kpis.sql")).stream()
                .filter(st -> st.startsWith("CREATE TABLE IF NOT EXISTS summary.kpi_")).toList();
        assertThat(facts).hasSize(13).allSatisfy(st -> assertThat(st).contains("PRIMARY KEY (snapshot_date, ")
                .contains("snapshot_date ").contains("COMMENT='KPI "));
        // Every fact table gets a version, first in its key after the date (a publish writes a new version of a date).
        List<String> versions = SqlScript.statements(text(scripts, "summary/V004__versioned_snapshots.sql"));
        assertThat(versions).filteredOn(st -> st.startsWith("ALTER TABLE summary.kpi_")).hasSize(13)
                .allSatisfy(st -> assertThat(st).contains("PRIMARY KEY (snapshot_date, version, "));
        // Power BI's views use business names only. Each KPI table has a history view over every date's live
        // version, the only views that read a KPI table; its bi_* view is that history's latest date.
        List<String> views = SqlScript.statements(text(scripts, "summary/V006__bi_views.sql"));
        assertThat(views).allSatisfy(st -> assertThat(st).startsWith("CREATE OR REPLACE VIEW summary."));
        assertThat(views).filteredOn(st -> st.contains("FROM summary.kpi_")).hasSize(13).allSatisfy(st -> assertThat(st)
                .startsWith("CREATE OR REPLACE VIEW summary.bi_history_")
                .contains("JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version"));
        assertThat(views).filteredOn(st -> st.contains("FROM summary.bi_history_")).hasSize(13).allSatisfy(st -> assertThat(st)
                .contains("JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`"));
    }

    private static String text(List<SchemaInstaller.Script> scripts, String path) {
        return scripts.stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow().text();
    }
}
