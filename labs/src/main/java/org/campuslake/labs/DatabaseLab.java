package org.campuslake.labs;

import java.util.List;
import java.util.Set;

/** A lab whose work is a Hive database of the student's own (lab02, lab04, ...): its start drops it. */
abstract class DatabaseLab extends SheetLab {
    final String db;
    private final int createStep;

    /** @param createStep the sheet's step that creates the database, for the hint */
    DatabaseLab(int number, String slug, String title, int minutes, Set<Need> needs, String db, int createStep) {
        super(number, slug, title, minutes, needs);
        this.db = db;
        this.createStep = createStep;
    }

    @Override
    public final void reset(LabLake lake) throws Exception {
        LabHive.dropDatabase(lake, db);
    }

    /** Adds the first finding, the database exists; false when it does not (nothing else can be checked). */
    final boolean databaseExists(LabLake lake, List<Finding> out) throws Exception {
        String what = "the database " + db + " exists";
        if (!LabHive.databases(lake).contains(db)) {
            out.add(Finding.missing(what, "Create it (step " + createStep + "): CREATE DATABASE " + db + ";"));
            return false;
        }
        out.add(Finding.ok(what));
        return true;
    }
}
