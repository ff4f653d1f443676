package org.campuslake.labs;

import java.util.Set;

/** A lab's facts, which {@code lake lab list}, the sheet's path and the start read: given once, by its constructor. */
abstract class SheetLab implements Lab {
    private final int number;
    private final String slug;
    private final String title;
    private final int minutes;
    private final Set<Need> needs;

    SheetLab(int number, String slug, String title, int minutes, Set<Need> needs) {
        this.number = number;
        this.slug = slug;
        this.title = title;
        this.minutes = minutes;
        this.needs = needs;
    }

    @Override
    public final int number() {
        return number;
    }

    @Override
    public final String slug() {
        return slug;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final int minutes() {
        return minutes;
    }

    @Override
    public final Set<Need> needs() {
        return needs;
    }
}
