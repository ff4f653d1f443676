package org.campuslake.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.HiveCuratedBuild;
import org.campuslake.ingest.catalog.HiveRawDdl;
import org.junit.jupiter.api.Test;

/**
 * The raw-layer scripts and the curated build are rendered from the table catalog and kept in the repository, so they can be read
 * without building. This test fails when they are out of date; {@code UPDATE_GENERATED=1} rewrites them.
 */
class GeneratedHqlTest {
    static final Path HQL = Path.of("src/main/hql");

    @Test
    void rawScriptsMatchTheCatalog() throws Exception {
        Catalog catalog = Catalog.builtIn();
        check(HQL.resolve("010_raw_tables.hql"), HiveRawDdl.tables(catalog));
        check(HQL.resolve("020_raw_partitions.hql"), HiveRawDdl.partitions(catalog));
    }

    @Test
    void theCuratedBuildMatchesTheCatalogsCuratedBlocks() throws Exception {
        check(HQL.resolve("110_curated_build.hql"), HiveCuratedBuild.script(Catalog.builtIn()));
        check(HQL.resolve("111_curated_increment.hql"), HiveCuratedBuild.increment(Catalog.builtIn()));
    }

    @Test
    void theCuratedBlocksGiveTheColumnsOfTheCuratedTables() throws Exception {
        // 100_curated_tables.hql stays hand-written (its comments document each column): the build's SELECT lists
        // must give its columns in its order, since INSERT OVERWRITE is positional.
        String ddl = Files.readString(HQL.resolve("100_curated_tables.hql"), StandardCharsets.UTF_8).replaceAll("'[^']*'", "''")
                .replaceAll("\\(\\d+,\\d+\\)", ""); // comments and DECIMAL(p,s) hold no column commas
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "CREATE EXTERNAL TABLE IF NOT EXISTS curated\\.(\\w+) \\((.*?)\\)\\s*COMMENT ''([^;]*?PARTITIONED BY \\((\\w+))?",
                java.util.regex.Pattern.DOTALL).matcher(ddl);
        java.util.Map<String, java.util.List<String>> declared = new java.util.LinkedHashMap<>();
        while (m.find()) {
            java.util.List<String> cols = new java.util.ArrayList<>();
            for (String def : m.group(2).split(",")) {
                cols.add(def.trim().split("\\s+")[0]);
            }
            if (m.group(4) != null && !m.group(3).contains("CREATE")) {
                cols.add(m.group(4));
            }
            declared.put(m.group(1), cols);
        }
        java.util.Map<String, java.util.List<String>> built = new java.util.LinkedHashMap<>();
        for (org.campuslake.ingest.catalog.TableSpec t : Catalog.builtIn().tables()) {
            java.util.List<String> cols = new java.util.ArrayList<>();
            HiveCuratedBuild.columns(t, t.curated()).forEach(c -> cols.add(c.name));
            if (t.curated().partitionColumn() != null) {
                cols.add(t.curated().partitionColumn());
            }
            built.put(t.curatedTable(), cols);
        }
        assertThat(built).isEqualTo(declared);
    }

    private static void check(Path file, String expected) throws Exception {
        if ("1".equals(System.getenv("UPDATE_GENERATED"))) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertThat(file).as("%s is generated from the catalog: run UPDATE_GENERATED=1 mvn -pl hive-ddl -am test"
                + " -Dtest=GeneratedHqlTest", file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file + " is out of date with the catalog;"
                + " run UPDATE_GENERATED=1 mvn -pl hive-ddl -am test -Dtest=GeneratedHqlTest").isEqualTo(expected);
    }
}
