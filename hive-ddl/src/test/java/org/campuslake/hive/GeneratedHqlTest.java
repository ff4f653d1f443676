package org.campuslake.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.campuslake.ingest.catalog.Catalog;
import org.campuslake.ingest.catalog.HiveRawDdl;
import org.junit.jupiter.api.Test;

/**
 * The raw-layer scripts are rendered from the table catalog and kept in the repository, so they can be read
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
