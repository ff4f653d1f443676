package org.campuslake.oozie.el;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * A coordinator dataset: instances every {@code frequencyMinutes} from {@code initialInstance}, each at the URI its
 * template gives (${YEAR}, ${MONTH}, ${DAY}, ${HOUR}, ${MINUTE} of the instance time), ready when its done flag
 * exists (an empty flag means the directory itself).
 */
public record Dataset(String name, long frequencyMinutes, ZonedDateTime initialInstance, String uriTemplate,
                      String doneFlag) {

    /** The instance at or before {@code t}, shifted by {@code offset} instances. */
    public ZonedDateTime instance(ZonedDateTime t, int offset) {
        if (t.isBefore(initialInstance)) {
            throw new IllegalArgumentException("time " + OozieTime.format(t) + " is before dataset " + name
                    + "'s initial instance " + OozieTime.format(initialInstance));
        }
        long minutes = Duration.between(initialInstance, t).toMinutes();
        long index = minutes / frequencyMinutes + offset;
        return initialInstance.plusMinutes(index * frequencyMinutes);
    }

    /** The instance's URI: the template with the time variables filled in (other ${...} were resolved before). */
    public String uri(ZonedDateTime instance) {
        return uriTemplate.replace("${YEAR}", String.format("%04d", instance.getYear()))
                .replace("${MONTH}", String.format("%02d", instance.getMonthValue()))
                .replace("${DAY}", String.format("%02d", instance.getDayOfMonth()))
                .replace("${HOUR}", String.format("%02d", instance.getHour()))
                .replace("${MINUTE}", String.format("%02d", instance.getMinute()));
    }
}
