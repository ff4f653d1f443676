package org.campuslake.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The raw zone's record line: every value comes back as it went in, and a record stays one line. */
class EscapedTextTest {
    private static final String HARD = "O'Brien\nx\u0001y\\z\r\t\"q\" \uD83D\uDE00 \\N";

    @Test
    void everyValueRoundTripsAndTheLineHasNoNewline() {
        String line = EscapedText.field(HARD) + '\001' + EscapedText.field(null) + '\001' + EscapedText.field("")
                + '\001' + EscapedText.field("\\N");
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(EscapedText.split(line)).containsExactly(HARD, null, "", "\\N");
    }

    @Test
    void aLiteralBackslashNIsNotNullButTheNullMarkerIs() {
        assertThat(EscapedText.split("\\N\u0001\\\\N")).containsExactly(null, "\\N");
    }

    @Test
    void aTextLandingLineKeepsItsNullsAndGetsItsBackslashesEscaped() {
        String landed = "1\u0001C:\\dir\\\u0001\\N\u0001plain";
        String line = EscapedText.fromLanding(landed);
        assertThat(EscapedText.split(line)).containsExactly("1", "C:\\dir\\", null, "plain");
        assertThat(EscapedText.fromLanding("1\u0001abc\u0001\\N")).isEqualTo("1\u0001abc\u0001\\N");
    }
}
