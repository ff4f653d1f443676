package org.campuslake.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's filters, checked against allow-lists read from the summary database: a snapshot date that was
 * published, and a campus, region or promotion key that a dimension holds. Anything else is a {@link BadRequest}.
 *
 * @param date      the snapshot shown; never null once parsed (the latest by default)
 * @param campus    a campus key, or null for every campus
 * @param region    a region key, or null
 * @param promotion a promotion key (graduation year), or null
 */
public record Filters(String date, Integer campus, Integer region, Integer promotion) {
    static final List<String> NAMES = List.of("date", "campus", "region", "promotion");

    /** A request the dashboard refuses, with a message meant for the person who typed the URL. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }

    /** What the filters may take: read from bi_snapshots and the dimension views. */
    public record Choices(List<String> dates, Map<Integer, String> campuses, Map<Integer, String> regions,
                          Map<Integer, String> promotions, Map<Integer, Integer> campusRegion) {
        String latest() {
            return dates.isEmpty() ? null : dates.get(dates.size() - 1);
        }
    }

    /**
     * @param query the request's query parameters (each name once); empty values count as absent
     */
    public static Filters parse(Map<String, List<String>> query, Choices choices) {
        Map<String, String> one = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!NAMES.contains(e.getKey())) {
                throw new BadRequest("unknown parameter '" + shorten(e.getKey()) + "'; the filters are " + String.join(", ", NAMES));
            }
            if (e.getValue().size() > 1) {
                throw new BadRequest("parameter '" + e.getKey() + "' is given " + e.getValue().size() + " times");
            }
            String v = e.getValue().isEmpty() ? "" : e.getValue().get(0).strip();
            if (!v.isEmpty()) {
                one.put(e.getKey(), v);
            }
        }
        if (choices.dates().isEmpty()) {
            throw new BadRequest("no snapshot is published yet: run the chain first (lake run or lake demo)");
        }
        String date = one.getOrDefault("date", choices.latest());
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new BadRequest("date must be a snapshot date as yyyy-mm-dd, not '" + shorten(date) + "'");
        }
        if (!choices.dates().contains(date)) {
            throw new BadRequest("no snapshot is published for " + date + "; published: " + range(choices.dates()));
        }
        Integer campus = key(one, "campus", choices.campuses());
        Integer region = key(one, "region", choices.regions());
        // The page offers only the chosen region's campuses; a hand-made URL that mixes them would show empty panels.
        if (campus != null && region != null && !region.equals(choices.campusRegion().get(campus))) {
            throw new BadRequest(choices.campuses().get(campus) + " (campus " + campus + ") is not in "
                    + choices.regions().get(region) + " (region " + region + ")");
        }
        return new Filters(date, campus, region, key(one, "promotion", choices.promotions()));
    }

    private static Integer key(Map<String, String> one, String name, Map<Integer, String> allowed) {
        String v = one.get(name);
        if (v == null) {
            return null;
        }
        if (!v.matches("\\d{1,9}")) {
            throw new BadRequest(name + " must be a " + name + " key (a number), not '" + shorten(v) + "'");
        }
        int k = Integer.parseInt(v);
        if (!allowed.containsKey(k)) {
            throw new BadRequest("no " + name + " has key " + k);
        }
        return k;
    }

    private static String range(List<String> dates) {
        return dates.size() == 1 ? dates.get(0) : dates.get(0) + " to " + dates.get(dates.size() - 1) + " ("
                + dates.size() + " dates)";
    }

    /** Echoes at most 40 printable characters of what the client sent. */
    private static String shorten(String s) {
        String p = s.replaceAll("[^\\x20-\\x7E]", "?");
        return p.length() > 40 ? p.substring(0, 40) + "..." : p;
    }
}
