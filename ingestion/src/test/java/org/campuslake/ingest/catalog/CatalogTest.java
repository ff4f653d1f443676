package org.campuslake.ingest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private static final String OK = "tables:\n"
            + "  things:\n"
            + "    mode: lastmodified\n"
            + "    key: id\n"
            + "    mappers: 2\n"
            + "    columns:\n"
            + "      id:         {type: bigint, min: 1}\n"
            + "      label:      {type: string, max_length: 5, values: [a, b]}\n"
            + "      updated_at: {type: timestamp}\n";

    private static Catalog parse(String yaml) {
        return Catalog.parse(yaml, "test.yaml");
    }

    @Test
    void theBuiltInCatalogDescribesTheElevenErpTables() {
        Catalog c = Catalog.builtIn();
        assertThat(c.names()).containsExactly("campuses", "subjects", "professors", "companies", "students", "events",
                "audiences", "apprenticeships", "lessons", "attendances", "grades");
        assertThat(c.table("lessons").mode()).isEqualTo(ImportMode.APPEND);
        assertThat(c.table("grades").mode()).isEqualTo(ImportMode.LASTMODIFIED);
        assertThat(c.table("campuses").mode()).isEqualTo(ImportMode.FULL);
        assertThat(c.table("grades").column("grade").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(c.table("students").column("left_date").nullable()).isTrue();
        assertThat(c.yaml()).contains("tables:");
        for (TableSpec t : c.tables()) {
            assertThat(t.columns().get(t.columns().size() - 1).name()).isEqualTo("updated_at");
        }
    }

    @Test
    void readsSettingsAndRemembersLines() {
        TableSpec t = parse(OK).table("things");
        assertThat(t.key()).isEqualTo("id");
        assertThat(t.splitBy()).isEqualTo("id");
        assertThat(t.mappers()).isEqualTo(2);
        assertThat(t.where()).isEqualTo("test.yaml:2");
        assertThat(t.column("label").values()).containsExactly("a", "b");
        assertThat(t.column("label").line()).isEqualTo(8);
        assertThatThrownBy(() -> parse(OK).table("other")).hasMessageContaining("unknown table 'other'");
    }

    @Test
    void rejectsMistakesWithFileAndLine() {
        assertError(OK.replace("mappers: 2", "mapers: 2"), "test.yaml:5: table 'things': unknown key 'mapers'");
        assertError(OK.replace("  things:", "  \"things; drop\":"), "test.yaml:2: unsafe table name 'things; drop'");
        assertError(OK.replace("lastmodified", "sometimes"), "test.yaml:3: table 'things': unknown mode 'sometimes'");
        assertError(OK.replace("key: id", "key: ident"), "test.yaml:4: table 'things': key 'ident' is not one of its columns");
        assertError(OK.replace("{type: bigint, min: 1}", "{type: bigint, min: one}"), "test.yaml:7: column 'things.id': min 'one'");
        assertError(OK.replace("{type: bigint, min: 1}", "{type: bigint, values: [1]}"), "values must be a list, on a string column");
        assertError(OK.replace("{type: timestamp}", "{type: datetime}"), "test.yaml:9: column 'things.updated_at': unknown type 'datetime'");
        assertError(OK.replace("      updated_at: {type: timestamp}\n", ""), "lastmodified mode needs a timestamp column 'updated_at'");
        assertError(OK.replace("mappers: 2", "mappers: 99"), "test.yaml:5: table 'things': mappers must be a whole number from 1 to 64");
        assertError(OK + "  things:\n    mode: full\n", "test.yaml:10: table 'things' is described twice");
        assertError(OK.replace("mode: lastmodified", "mode: [x"), "test.yaml: not valid YAML");
        assertError(OK.replace("{type: string, max_length: 5, values: [a, b]}", "{type: string, nullable: perhaps}"),
                "nullable must be true or false");
    }

    private static final String TWO = OK
            + "  parts:\n"
            + "    mode: full\n"
            + "    key: part_id\n"
            + "    columns:\n"
            + "      part_id:    {type: int, min: 1}\n"
            + "      thing_id:   {type: bigint, references: things.id}\n"
            + "      made_on:    {type: date}\n"
            + "      sold_on:    {type: date, nullable: true}\n"
            + "    checks:\n"
            + "      - \"sold_on >= made_on\"\n";

    @Test
    void readsReferencesAndRulesBetweenColumnsAndChecksThem() {
        TableSpec parts = parse(TWO).table("parts");
        assertThat(parts.references()).extracting(ColumnContract::name).containsExactly("thing_id");
        assertThat(parts.column("thing_id").referencedTable()).isEqualTo("things");
        assertThat(parts.checks()).extracting(CrossFieldCheck::text).containsExactly("sold_on >= made_on");
        CrossFieldCheck rule = parts.checks().get(0);
        assertThat(rule.holds("2026-01-02", "2026-01-01", "\\N")).isTrue();
        assertThat(rule.holds("2025-12-31", "2026-01-01", "\\N")).isFalse();
        assertThat(rule.holds("\\N", "2026-01-01", "\\N")).isTrue();
        assertThat(Catalog.builtIn().table("grades").references()).extracting(ColumnContract::references)
                .containsExactly("students.student_id", "subjects.subject_id");

        assertError(TWO.replace("things.id}", "thingz.id}"), "test.yaml:15: column 'parts.thing_id': references unknown table 'thingz'");
        assertError(TWO.replace("things.id}", "things.label}"), "references things.label, which is not the key of things (id)");
        assertError(TWO.replace("things.id}", "things}"), "references must name a table's key as table.column");
        assertError(TWO.replace("{type: bigint, references: things.id}", "{type: date, references: things.id}"),
                "its type does not match the key things.id");
        assertError(TWO.replace("sold_on >= made_on", "sold_on after made_on"), "is not 'column OP column'");
        assertError(TWO.replace("sold_on >= made_on", "sold_on >= bought_on"), "names a column the table does not have");
        assertError(TWO.replace("sold_on >= made_on", "sold_on >= part_id"), "compares date with int");
    }

    @Test
    void readsTheCuratedBlockAndRendersItsBuild() {
        TableSpec t = parse(OK + "    curated:\n      table: items\n      drop: [label]\n"
                + "      pseudonymise: {id: thing}\n"
                + "      derive:\n        - {name: label_length, after: thing_key, sql: \"length(t.label)\"}\n"
                + "      partition: {column: changed_month, month_of: updated_at}\n").table("things");
        assertThat(t.curatedTable()).isEqualTo("items");
        assertThat(HiveCuratedBuild.columns(t, t.curated())).extracting(c -> c.name)
                .containsExactly("thing_key", "label_length", "updated_at");
        String sql = HiveCuratedBuild.insert(t);
        assertThat(sql).contains("INSERT OVERWRITE TABLE curated.items PARTITION (changed_month)")
                .contains("sha2(concat(k.salt, ':thing:', CAST(t.id AS STRING)), 256) AS thing_key")
                .contains("date_format(t.updated_at, 'yyyy-MM') AS changed_month")
                // a lastmodified table: the newest change wins, the partition breaks a tie
                .contains("ORDER BY updated_at DESC, ingest_date DESC")
                .contains(HiveCuratedBuild.SALT).doesNotContain("t.label,").doesNotContain("_deleted");
        assertThat(HiveCuratedBuild.insert(parse(OK.replace("lastmodified", "full")).table("things")))
                .contains("ORDER BY ingest_date DESC, updated_at DESC").doesNotContain("salt");
    }

    @Test
    void rejectsCuratedBlocksThatDoNotFitTheTable() {
        assertError(OK + "    curated:\n      drop: [labels]\n", "test.yaml:11: table 'things': curated: drop: 'labels' is not a column of things");
        assertError(OK + "    curated:\n      drop: [label]\n      pseudonymise: {label: x}\n", "label is both dropped and pseudonymised");
        assertError(OK + "    curated:\n      derive:\n        - {name: n, after: nowhere, sql: \"1\"}\n",
                "derived column 'n' comes after 'nowhere', which is not a curated column of things");
        assertError(OK + "    curated:\n      derive:\n        - {name: label, after: id, sql: \"1\"}\n",
                "derived column 'label' is already a curated column");
        assertError(OK + "    curated:\n      partition: {column: label, month_of: updated_at}\n",
                "partition column 'label' is already a curated column");
        assertError(OK + "    curated:\n      partition: {column: m}\n", "curated: partition: missing 'month_of'");
        assertError(OK + "    curated:\n      hide: [label]\n", "unknown key 'hide'");
    }

    private static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(CatalogException.class).hasMessageContaining(message);
    }

    @Test
    void comparesContractsWithTheSource() {
        TableSpec t = parse(OK).table("things");
        SourceSchema same = SourceSchema.of("things", Arrays.asList(
                SourceSchema.column("id", java.sql.Types.BIGINT, "BIGINT"),
                SourceSchema.column("label", java.sql.Types.VARCHAR, "VARCHAR"),
                SourceSchema.column("updated_at", java.sql.Types.TIMESTAMP, "TIMESTAMP")));
        assertThat(SchemaCheck.of(t, same, "erp").ok()).isTrue();
        assertThat(SchemaCheck.of(t, same, "erp").drift()).isEmpty();

        SchemaCheck gone = SchemaCheck.of(t, null, "erp");
        assertThat(gone.errors()).containsExactly("test.yaml:2: table erp.things does not exist in the source");

        SourceSchema changed = SourceSchema.of("things", Arrays.asList(
                SourceSchema.column("id", java.sql.Types.VARCHAR, "VARCHAR"),
                SourceSchema.column("updated_at", java.sql.Types.TIMESTAMP, "TIMESTAMP"),
                SourceSchema.column("nickname", java.sql.Types.VARCHAR, "VARCHAR")));
        SchemaCheck c = SchemaCheck.of(t, changed, "erp");
        assertThat(c.ok()).isFalse();
        assertThat(c.errors()).containsExactly(
                "test.yaml:7: erp.things.id is VARCHAR in the source, but the catalog expects bigint (column type changed?)",
                "test.yaml:8: erp.things.label is in the catalog but no longer in the source");
        assertThat(c.drift()).containsExactly("nickname VARCHAR");
    }
}
