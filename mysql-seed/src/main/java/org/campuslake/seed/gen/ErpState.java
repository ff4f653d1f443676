package org.campuslake.seed.gen;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.campuslake.seed.ErpTable;

/**
 * Everything the daily simulation reads: the dimension rows, the attendance and grade rows still open to
 * correction, and the next id per table. It is either built by the seed or reloaded from the database, and
 * the two must be indistinguishable to {@link ErpSimulator}.
 */
public final class ErpState {
    /** Days an absence can still be excused, and a grade corrected. */
    static final int ATTENDANCE_WINDOW_DAYS = 7;
    static final int GRADE_WINDOW_DAYS = 30;

    /** SEED keeps dimensions in memory and writes them at the end; ADVANCE writes every change each day. */
    public enum Mode { SEED, ADVANCE }

    final GeneratorConfig config;
    final Mode mode;
    final RowSink sink;

    final List<Erp.Campus> campuses = new ArrayList<>();
    final List<Erp.Subject> subjects = new ArrayList<>();
    final List<Erp.Professor> professors = new ArrayList<>();
    final List<Erp.Company> companies = new ArrayList<>();
    final List<Erp.Student> students = new ArrayList<>();
    final List<Erp.Event> events = new ArrayList<>();
    final List<Erp.Contact> contacts = new ArrayList<>();
    final List<Erp.Contract> contracts = new ArrayList<>();
    final ArrayDeque<Erp.Attendance> recentAttendance = new ArrayDeque<>();
    final ArrayDeque<Erp.Grade> recentGrades = new ArrayDeque<>();

    /** Latest study contract (apprenticeship or internship) per student, and students who found a job. */
    final Map<Integer, Erp.Contract> studyContract = new HashMap<>();
    final Set<Integer> hired = new HashSet<>();

    private final Map<ErpTable, Long> nextId = new EnumMap<>(ErpTable.class);
    private final List<Erp.Row> touched = new ArrayList<>();
    private final Map<Integer, Erp.Student> studentsById = new HashMap<>();

    ErpState(GeneratorConfig config, Mode mode, RowSink sink) {
        this.config = config;
        this.mode = mode;
        this.sink = sink;
        for (ErpTable t : ErpTable.values()) {
            nextId.put(t, 1L);
        }
    }

    long nextId(ErpTable t) {
        long id = nextId.get(t);
        nextId.put(t, id + 1);
        return id;
    }

    void setNextId(ErpTable t, long id) {
        nextId.put(t, id);
    }

    Erp.Student student(int id) {
        return studentsById.get(id);
    }

    /** Registers a row loaded from the database (already persisted). */
    void loaded(Erp.Row r) {
        r.persisted = true;
        index(r);
    }

    /** A new row: written at once (write-once tables in a seed), at the end of the day (advance), or at the end. */
    void created(Erp.Row r) {
        index(r);
        if (mode == Mode.ADVANCE) {
            r.touched = true;
            touched.add(r);
        } else if (r instanceof Erp.Lesson) {
            sink.insert(r.table(), r.values());
        }
    }

    void modified(Erp.Row r) {
        r.dirty = true;
        if (mode == Mode.ADVANCE && !r.touched) {
            r.touched = true;
            touched.add(r);
        }
    }

    private void index(Erp.Row r) {
        if (r instanceof Erp.Student s) {
            students.add(s);
            studentsById.put(s.id, s);
        } else if (r instanceof Erp.Contract c) {
            contracts.add(c);
            if (c.isJob()) {
                hired.add(c.studentId);
            } else {
                studyContract.put(c.studentId, c);
            }
        } else if (r instanceof Erp.Contact c) {
            contacts.add(c);
        } else if (r instanceof Erp.Event e) {
            events.add(e);
        } else if (r instanceof Erp.Attendance a) {
            recentAttendance.addLast(a);
        } else if (r instanceof Erp.Grade g) {
            recentGrades.addLast(g);
        } else if (r instanceof Erp.Campus c) {
            campuses.add(c);
        } else if (r instanceof Erp.Subject s) {
            subjects.add(s);
        } else if (r instanceof Erp.Professor p) {
            professors.add(p);
        } else if (r instanceof Erp.Company c) {
            companies.add(c);
        }
    }

    /**
     * Closes day {@code d}: in ADVANCE mode writes today's inserts (parents first) then updates; in SEED mode
     * writes the attendance and grade rows that can no longer change.
     *
     * @return {inserted, updated}
     */
    int[] endOfDay(LocalDate d) {
        int inserted = 0;
        int updated = 0;
        if (mode == Mode.ADVANCE) {
            touched.sort(Comparator.comparing(Erp.Row::table));
            for (Erp.Row r : touched) {
                if (!r.persisted) {
                    sink.insert(r.table(), r.values());
                    inserted++;
                }
            }
            for (Erp.Row r : touched) {
                if (r.persisted && r.dirty) {
                    sink.update(r.table(), r.values());
                    updated++;
                }
                r.persisted = true;
                r.dirty = false;
                r.touched = false;
            }
            touched.clear();
        }
        LocalDate keepAttendanceFrom = d.minusDays(ATTENDANCE_WINDOW_DAYS - 1);
        while (!recentAttendance.isEmpty() && recentAttendance.peekFirst().lessonDate.isBefore(keepAttendanceFrom)) {
            retire(recentAttendance.pollFirst());
        }
        LocalDate keepGradesFrom = d.minusDays(GRADE_WINDOW_DAYS - 1);
        while (!recentGrades.isEmpty() && recentGrades.peekFirst().gradedOn.isBefore(keepGradesFrom)) {
            retire(recentGrades.pollFirst());
        }
        return new int[] {inserted, updated};
    }

    private void retire(Erp.Row r) {
        if (mode == Mode.SEED) {
            sink.insert(r.table(), r.values());
        }
    }

    /** SEED mode: writes every row still held in memory. */
    void flushAll() {
        if (mode != Mode.SEED) {
            throw new IllegalStateException("flushAll is for seeding");
        }
        for (List<? extends Erp.Row> rows : List.of(campuses, subjects, professors, companies, students, events,
                contacts, contracts)) {
            for (Erp.Row r : rows) {
                sink.insert(r.table(), r.values());
            }
        }
        recentAttendance.forEach(r -> sink.insert(r.table(), r.values()));
        recentGrades.forEach(r -> sink.insert(r.table(), r.values()));
        recentAttendance.clear();
        recentGrades.clear();
    }
}
