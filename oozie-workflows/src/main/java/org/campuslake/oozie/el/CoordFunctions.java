package org.campuslake.oozie.el;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The {@code coord:} functions the project's coordinators use. Frequencies are in minutes ({@code coord:days(1)}
 * = 1440); times are Oozie time strings in UTC.
 */
public final class CoordFunctions {
    private CoordFunctions() {}

    public static int minutes(int n) { return n; }

    public static int hours(int n) { return n * 60; }

    public static int days(int n) { return n * 1440; }

    public static String nominalTime() {
        ZonedDateTime t = ElScope.current().nominalTime;
        if (t == null) {
            throw new IllegalStateException("coord:nominalTime() is only available in a coordinator action");
        }
        return OozieTime.format(t);
    }

    /** Inside an input or output event: the instance {@code n} steps from the one at the nominal time. */
    public static String current(int n) {
        ElScope s = ElScope.current();
        if (s.dataset == null || s.nominalTime == null) {
            throw new IllegalStateException("coord:current() is only available in a data-in or data-out instance");
        }
        return OozieTime.format(s.dataset.instance(s.nominalTime, n));
    }

    /** A time formatted with a Java date pattern, e.g. formatTime('2026-09-03T00:00Z', 'yyyy-MM-dd'). */
    public static String formatTime(String time, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(OozieTime.parse(time));
    }

    /** {@code time} moved by {@code n} units: MINUTE, HOUR, DAY, MONTH or YEAR. */
    public static String dateOffset(String time, int n, String unit) {
        ZonedDateTime t = OozieTime.parse(time);
        ZonedDateTime out = switch (unit.toUpperCase(Locale.ROOT)) {
            case "MINUTE" -> t.plusMinutes(n);
            case "HOUR" -> t.plusHours(n);
            case "DAY" -> t.plusDays(n);
            case "MONTH" -> t.plusMonths(n);
            case "YEAR" -> t.plusYears(n);
            default -> throw new IllegalArgumentException("coord:dateOffset: unknown time unit '" + unit
                    + "' (MINUTE, HOUR, DAY, MONTH or YEAR)");
        };
        return OozieTime.format(out);
    }

    /** The URIs of an input event's instances, comma-separated. */
    public static String dataIn(String event) {
        return uris(ElScope.current().dataIn.get(event), "data-in", event);
    }

    public static String dataOut(String event) {
        return uris(ElScope.current().dataOut.get(event), "data-out", event);
    }

    private static String uris(List<String> uris, String kind, String event) {
        if (uris == null) {
            throw new IllegalArgumentException("no " + kind + " event named '" + event + "'");
        }
        return String.join(",", uris);
    }
}
