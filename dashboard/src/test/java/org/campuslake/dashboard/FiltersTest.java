package org.campuslake.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiltersTest {
    private static final Filters.Choices CHOICES = new Filters.Choices(List.of("2026-08-31", "2026-09-01"),
            Map.of(1, "Campus Lake Paris", 2, "Campus Lake Lyon"), Map.of(11, "Île-de-France", 84, "Auvergne-Rhône-Alpes"),
            Map.of(2027, "Class of 2027"), Map.of(1, 11, 2, 84));

    private static Filters parse(String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return Filters.parse(q, CHOICES);
    }

    @Test
    void noFilterIsTheLatestSnapshotForEveryone() {
        assertThat(parse()).isEqualTo(new Filters("2026-09-01", null, null, null));
        assertThat(parse("campus", "", "date", " ")).isEqualTo(new Filters("2026-09-01", null, null, null));
    }

    @Test
    void knownValuesAreTaken() {
        assertThat(parse("date", "2026-08-31", "campus", "2", "region", "84", "promotion", "2027"))
                .isEqualTo(new Filters("2026-08-31", 2, 84, 2027));
        assertThat(parse("region", "11")).isEqualTo(new Filters("2026-09-01", null, 11, null));
    }

    @Test
    void anythingElseIsRefusedWithAMessage() {
        assertThatThrownBy(() -> parse("campus", "abc")).isInstanceOf(Filters.BadRequest.class)
                .hasMessage("campus must be a campus key (a number), not 'abc'");
        assertThatThrownBy(() -> parse("campus", "3")).hasMessage("no campus has key 3");
        assertThatThrownBy(() -> parse("campus", "99999999999")).hasMessageContaining("must be a campus key");
        assertThatThrownBy(() -> parse("region", "1' OR 1=1")).hasMessage("region must be a region key (a number), not '1' OR 1=1'");
        assertThatThrownBy(() -> parse("date", "2026-09-02"))
                .hasMessage("no snapshot is published for 2026-09-02; published: 2026-08-31 to 2026-09-01 (2 dates)");
        assertThatThrownBy(() -> parse("date", "yesterday")).hasMessage("date must be a snapshot date as yyyy-mm-dd, not 'yesterday'");
        assertThatThrownBy(() -> parse("colour", "red")).hasMessageStartingWith("unknown parameter 'colour'");
        assertThatThrownBy(() -> parse("campus", "2", "region", "11"))
                .hasMessage("Campus Lake Lyon (campus 2) is not in Île-de-France (region 11)");
        assertThatThrownBy(() -> parse("campus", "1", "campus", "2")).hasMessage("parameter 'campus' is given 2 times");
        // What is echoed back is short and printable.
        assertThatThrownBy(() -> parse("promotion", "<script>" + "x".repeat(100) + "\n"))
                .hasMessageContaining("<script>xxx").hasMessageEndingWith("...'").hasMessageNotContaining("\n");
    }

    @Test
    void anEmptySummarySaysWhatToDo() {
        Filters.Choices none = new Filters.Choices(List.of(), Map.of(), Map.of(), Map.of(), Map.of());
        assertThatThrownBy(() -> Filters.parse(Map.of(), none)).hasMessageContaining("no snapshot is published yet");
    }
}
