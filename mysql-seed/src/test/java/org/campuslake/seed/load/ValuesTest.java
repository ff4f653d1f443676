package org.campuslake.seed.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static String text(Object v) {
        StringBuilder sb = new StringBuilder();
        Values.append(sb, v);
        return sb.toString();
    }

    @Test
    void writesValuesAsTheServerPrintsThem() {
        assertThat(text(null)).isEqualTo("\\N");
        assertThat(text(LocalDate.of(2025, 9, 1))).isEqualTo("2025-09-01");
        assertThat(text(LocalDateTime.of(2025, 9, 1, 8, 5, 0))).isEqualTo("2025-09-01 08:05:00");
        assertThat(text(new BigDecimal("61.50"))).isEqualTo("61.50");
        assertThat(text(42L)).isEqualTo("42");
    }

    @Test
    void escapesAndUnescapesDelimiters() {
        String nasty = "tab\there\nnew\\line\rcr";
        String escaped = text(nasty);
        assertThat(escaped).doesNotContain("\t").doesNotContain("\n");
        assertThat(Values.unescape(escaped)).isEqualTo(nasty);
        assertThat(Values.unescape("\\N")).isNull();
        assertThat(Values.unescape("Léa")).isEqualTo("Léa");
    }
}
