package org.campuslake.oozie.el;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Oozie's time format, {@code yyyy-MM-dd'T'HH:mm'Z'} in UTC (the project's apps use UTC throughout). */
public final class OozieTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private OozieTime() {}

    public static ZonedDateTime parse(String s) {
        try {
            return ZonedDateTime.parse(s.trim(), FORMAT);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not an Oozie time (yyyy-MM-ddTHH:mmZ)");
        }
    }

    public static String format(ZonedDateTime t) {
        return FORMAT.format(t);
    }
}
