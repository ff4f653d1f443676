package org.campuslake.labs;

import java.util.List;
import java.util.Optional;

/** The labs written so far, in their order (docs/labs/README.md gives the plan of all eight). */
public final class Labs {
    private Labs() {}

    public static final List<Lab> ALL = List.of(new SqoopLab(), new RawZoneLab(), new ValidationLab(), new CuratedLab(),
            new WorkflowLab(), new CoordinatorLab(), new AnalysisLab());

    public static Optional<Lab> get(int number) {
        return ALL.stream().filter(l -> l.number() == number).findFirst();
    }
}
