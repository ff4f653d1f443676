package org.campuslake.labs;

import java.util.List;
import java.util.Set;

/** One classroom lab (docs/labs/NN-slug.md): its starting state and its self-check. */
public interface Lab {
    /** What the lake must hold before the lab: the cli brings the lake there, keeping what is already done. */
    enum Need {
        /** The local services (MariaDB, metastore, Thrift server), or a running cluster. */
        SERVICES,
        /** An ERP (the default seed and scale when it is empty). */
        SEEDED_ERP,
        /** At least one date through the whole chain: raw, curated and a published snapshot. */
        ONE_DAY_RUN,
        /** Two dates through the chain, the second a day of ERP changes: keys with two versions in raw. */
        TWO_DAY_RUN
    }

    int number();

    /** The sheet's name without its number: docs/labs/NN-slug.md. */
    String slug();

    String title();

    /** About how long it takes a student, minutes. */
    int minutes();

    Set<Need> needs();

    /** Takes the student's work of this lab away (idempotent: nothing to take is fine). */
    void reset(LabLake lake) throws Exception;

    /** Reads the student's result from the lake; the lab is done when every finding is. */
    List<Finding> check(LabLake lake) throws Exception;

    /** How many dates the lake must have published before the lab (0, 1 or 2). */
    default int datesNeeded() {
        return needs().contains(Need.TWO_DAY_RUN) ? 2 : needs().contains(Need.ONE_DAY_RUN) ? 1 : 0;
    }

    /** Why the lab cannot run on the cluster on one machine, or null when it can. */
    default String notOnCluster() {
        return null;
    }

    default String sheet() {
        return String.format(java.util.Locale.ROOT, "docs/labs/%02d-%s.md", number(), slug());
    }
}
