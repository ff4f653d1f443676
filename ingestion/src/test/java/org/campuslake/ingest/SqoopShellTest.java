package org.campuslake.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqoopShellTest {
    private static List<String> with(String... args) {
        return SqoopShell.withConnection(Arrays.asList(args), "jdbc:mysql://h/erp", "etl", "file:///s/etl.password");
    }

    @Test
    void aToolThatReadsTheErpGetsItsConnectionAfterItsName() {
        assertEquals(Arrays.asList("import", "--connect", "jdbc:mysql://h/erp", "--username", "etl", "--password-file",
                "file:///s/etl.password", "--table", "campuses"), with("import", "--table", "campuses"));
    }

    @Test
    void aSavedJobGetsItAfterTheToolThatFollowsTheDashes() {
        assertEquals(Arrays.asList("job", "--create", "j", "--", "import", "--connect", "jdbc:mysql://h/erp", "--username",
                "etl", "--password-file", "file:///s/etl.password", "--table", "lessons"),
                with("job", "--create", "j", "--", "import", "--table", "lessons"));
    }

    @Test
    void aGivenConnectionAndToolsThatOpenNoneAreLeftAlone() {
        assertEquals(Arrays.asList("import", "--connect", "jdbc:x"), with("import", "--connect", "jdbc:x"));
        assertEquals(Arrays.asList("job", "--exec", "j"), with("job", "--exec", "j"));
        assertEquals(Arrays.asList("help"), with("help"));
        assertEquals(Arrays.asList("version"), with("version"));
    }
}
