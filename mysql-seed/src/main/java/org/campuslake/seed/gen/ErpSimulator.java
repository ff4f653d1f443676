package org.campuslake.seed.gen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.campuslake.seed.ErpTable;

/**
 * Simulates the school one day at a time: enrolments (with event contacts converting), lessons with attendance,
 * assessments, late-excused absences and grade corrections, dropouts, apprenticeships and internships, open days
 * and fairs, graduation, and hiring after graduation.
 *
 * <p>Every random choice is keyed by (seed, what, who, day) — see {@link Rng} — and reads only {@link ErpState},
 * so simulating day D gives the same rows whether the state was built in memory by the seed or reloaded from
 * the database by {@code lake erp advance}. Before {@link GeneratorConfig#start()} only the people move
 * (enrolments, dropouts, contracts, events): that history gives the cohorts, alumni and hires the KPIs need,
 * without classroom rows.
 *
 * <p>The signal the KPIs should find: each student has a latent engagement (some decline over time) that drives
 * attendance, grades and dropout risk; lycées differ in level; regions differ in apprenticeship rates; campuses
 * differ in size and trend; open days convert better than fairs.
 */
public final class ErpSimulator {
    // Keys that separate the random streams of different decisions.
    private static final long K_COHORT = 1, K_CONVERT = 2, K_ENROL = 3, K_STUDENT = 4, K_TRAITS = 5,
            K_LESSONS = 6, K_DAY = 7, K_LESSON_SKIP = 8, K_ASSESS = 9, K_GRADE = 10, K_EXCUSE = 11, K_REGRADE = 12,
            K_DROP = 13, K_APPR = 14, K_INTERN = 15, K_EVENT = 16, K_CONTACT = 17, K_HIRE = 18, K_CAMPUS = 19,
            K_PROF = 20, K_COMPANY = 21, K_INSTITUTION = 22, K_FAIR = 23, K_SCHOOL = 24;
    private static final LocalTime[] SLOTS = {
        LocalTime.of(8, 30), LocalTime.of(10, 30), LocalTime.of(13, 30), LocalTime.of(15, 30)
    };
    private static final String[] ASSESSMENTS = {"quiz", "quiz", "exam", "project", "oral"};

    private final ErpState state;
    private final GeneratorConfig cfg;
    private final long seed;
    private final int firstAcademicYear;
    private final People people = new People();
    private final Map<Integer, List<PlannedEvent>> eventPlans = new HashMap<>();
    private final Map<Integer, Traits> traits = new HashMap<>();
    private final Map<String, double[]> companyWeights = new TreeMap<>();
    private final Map<String, List<Erp.Company>> companiesByRegion = new TreeMap<>();
    private List<Erp.Company> hostCompanies;
    private List<Erp.Company> schools;

    ErpSimulator(ErpState state) {
        this.state = state;
        this.cfg = state.config;
        this.seed = cfg.seed();
        this.firstAcademicYear = AcademicCalendar.academicYear(cfg.start());
    }

    /** A fresh ERP: campuses, subjects, professors, companies and competing schools, dated the first day. */
    static ErpState initialState(GeneratorConfig cfg, ErpState.Mode mode, RowSink sink) {
        ErpState st = new ErpState(cfg, mode, sink);
        new ErpSimulator(st).createReferenceRows();
        return st;
    }

    public static LocalDate historyStart(GeneratorConfig cfg) {
        return LocalDate.of(AcademicCalendar.academicYear(cfg.start()) - GeneratorConfig.HISTORY_YEARS, 9, 1);
    }

    private void createReferenceRows() {
        LocalDate first = historyStart(cfg);
        LocalDateTime stamp = first.atTime(7, 0);
        for (int i = 0; i < cfg.campuses(); i++) {
            ReferenceData.Place p = ReferenceData.CAMPUS_CITIES.get(i);
            Rng r = Rng.of(seed, K_CAMPUS, i + 1);
            Erp.Campus c = new Erp.Campus();
            c.id = (int) state.nextId(ErpTable.CAMPUSES);
            c.name = "Campus Lake " + p.city();
            c.city = p.city();
            c.region = p.region();
            c.openedOn = LocalDate.of(1995 + r.nextInt(Math.max(1, first.getYear() - 1995)), 9, 1);
            c.capacity = (int) Math.max(10, Math.round(cfg.cohortMeanPerCampus() * campusSize(c.id) * 1.5));
            c.updatedAt = stamp;
            state.created(c);
        }
        for (ReferenceData.SubjectDef d : ReferenceData.SUBJECTS) {
            Erp.Subject s = new Erp.Subject();
            s.id = (int) state.nextId(ErpTable.SUBJECTS);
            s.code = d.code();
            s.name = d.name();
            s.level = d.level();
            s.credits = d.credits();
            s.updatedAt = stamp;
            state.created(s);
        }
        List<String> specialities = new ArrayList<>(new TreeSet<>(ReferenceData.SUBJECTS.stream()
                .map(ReferenceData.SubjectDef::speciality).toList()));
        for (int i = 0; i < cfg.professors(); i++) {
            Rng r = Rng.of(seed, K_PROF, i + 1);
            Erp.Professor p = new Erp.Professor();
            p.id = (int) state.nextId(ErpTable.PROFESSORS);
            People.Name n = people.name(r.nextLong(), r.chance(0.5) ? "F" : "M");
            p.firstName = n.first();
            p.lastName = n.last();
            p.email = People.ascii(n.first()) + "." + People.ascii(n.last()) + "." + p.id + "@" + ReferenceData.SCHOOL_DOMAIN;
            p.campusId = i % cfg.campuses() + 1;
            p.speciality = specialities.get(i % specialities.size());
            p.hiredOn = first.minusDays(r.nextInt(15 * 365));
            p.updatedAt = stamp;
            state.created(p);
        }
        List<String> campusRegions = state.campuses.stream().map(c -> c.region).distinct().toList();
        List<String> allRegions = new ArrayList<>(new TreeSet<>(ReferenceData.TOWNS.keySet()));
        for (int i = 0; i < cfg.companies() + cfg.competingSchools(); i++) {
            boolean school = i >= cfg.companies();
            Rng r = Rng.of(seed, school ? K_SCHOOL : K_COMPANY, i + 1);
            Erp.Company c = new Erp.Company();
            c.id = (int) state.nextId(ErpTable.COMPANIES);
            c.region = r.chance(0.8) ? r.pick(campusRegions) : r.pick(allRegions);
            c.city = r.pick(ReferenceData.TOWNS.get(c.region));
            if (school) {
                c.name = "École supérieure " + people.lastName(r.nextLong()) + " " + c.city;
                c.sector = "Enseignement supérieur";
                c.kind = "school";
            } else {
                c.name = people.companyName(r.nextLong());
                c.sector = r.pick(ReferenceData.SECTORS);
                c.kind = "company";
            }
            c.updatedAt = stamp;
            state.created(c);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The day

    /** Simulates one day and closes it. @return {rows inserted, rows updated} (ADVANCE mode; zeros when seeding) */
    int[] simulate(LocalDate d) {
        boolean classroom = !d.isBefore(cfg.start());
        boolean schoolDay = AcademicCalendar.isSchoolDay(d);
        int year = AcademicCalendar.academicYear(d);
        if (classroom && schoolDay) {
            correctRecentRows(d);
        }
        int enrolmentDay = AcademicCalendar.enrolmentDay(d);
        if (enrolmentDay >= 0) {
            enrol(d, year, enrolmentDay);
        }
        if (classroom && schoolDay) {
            holdClasses(d, year);
        }
        if (schoolDay) {
            dropouts(d);
            studyContracts(d, year);
        }
        holdEvents(d, year);
        if (AcademicCalendar.isGraduationDay(d)) {
            graduate(d);
        }
        hires(d);
        return state.endOfDay(d);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Students

    private double campusSize(int campusId) {
        return 0.6 + 0.8 * Rng.of(seed, K_CAMPUS, campusId, 1).nextDouble();
    }

    /** Yearly growth factor of a campus: some grow, some need revitalising. */
    private double campusTrend(int campusId) {
        return 0.90 + 0.18 * Rng.of(seed, K_CAMPUS, campusId, 2).nextDouble();
    }

    private void enrol(LocalDate d, int year, int enrolmentDay) {
        for (Erp.Campus campus : state.campuses) {
            double mean = cfg.cohortMeanPerCampus() * campusSize(campus.id)
                    * StrictMath.pow(campusTrend(campus.id), year - firstAcademicYear + (GeneratorConfig.COHORTS - 1) / 2.0);
            int cohort = Rng.of(seed, K_COHORT, campus.id, year).poisson(mean);
            int converted = 0;
            for (Erp.Contact contact : contactsOfPreviousYear(campus.id, year)) {
                Rng r = Rng.of(seed, K_CONVERT, contact.id);
                Erp.Event ev = eventOf(contact);
                if (r.chance("open_day".equals(ev.type) ? 0.30 : 0.14)) {
                    converted++;
                    if (enrolmentOffset(r) == enrolmentDay && contact.studentId == null) {
                        Erp.Student s = newStudent(d, campus, year, Rng.of(seed, K_STUDENT, 0, contact.id), contact);
                        contact.studentId = s.id;
                        contact.updatedAt = s.updatedAt;
                        state.modified(contact);
                    }
                }
            }
            for (int k = 0; k < cohort - converted; k++) {
                Rng r = Rng.of(seed, K_ENROL, campus.id, year, k);
                if (enrolmentOffset(r) == enrolmentDay) {
                    newStudent(d, campus, year, Rng.of(seed, K_STUDENT, campus.id, year, k), null);
                }
            }
        }
    }

    /** Most students enrol on the first day; the rest over the following two weeks. */
    private static int enrolmentOffset(Rng r) {
        return r.chance(0.6) ? 0 : r.nextInt(AcademicCalendar.ENROLMENT_DAYS);
    }

    private List<Erp.Contact> contactsOfPreviousYear(int campusId, int year) {
        LocalDate from = LocalDate.of(year - 1, 9, 1);
        LocalDate to = LocalDate.of(year, 8, 31);
        List<Erp.Contact> out = new ArrayList<>();
        Map<Integer, Erp.Event> events = eventsById();
        for (Erp.Contact c : state.contacts) {
            Erp.Event e = events.get(c.eventId);
            if (e.campusId == campusId && !e.date.isBefore(from) && !e.date.isAfter(to)) {
                out.add(c);
            }
        }
        return out;
    }

    private Map<Integer, Erp.Event> eventIndex;
    private int eventIndexSize = -1;

    private Map<Integer, Erp.Event> eventsById() {
        if (eventIndexSize != state.events.size()) {
            eventIndex = new HashMap<>();
            for (Erp.Event e : state.events) {
                eventIndex.put(e.id, e);
            }
            eventIndexSize = state.events.size();
        }
        return eventIndex;
    }

    private Erp.Event eventOf(Erp.Contact c) {
        return eventsById().get(c.eventId);
    }

    private Erp.Student newStudent(LocalDate d, Erp.Campus campus, int year, Rng r, Erp.Contact from) {
        Erp.Student s = new Erp.Student();
        s.id = (int) state.nextId(ErpTable.STUDENTS);
        double g = r.nextDouble();
        s.gender = g < 0.49 ? "F" : g < 0.98 ? "M" : "X";
        if (from != null) {
            s.gender = ReferenceData.FEMALE_FIRST_NAMES.contains(from.firstName) ? "F" : "M";
            s.firstName = from.firstName;
            s.lastName = from.lastName;
            s.personalEmail = from.email;
            s.birthDate = LocalDate.of(from.birthYear, 1, 1).plusDays(r.nextInt(365));
        } else {
            People.Name n = people.name(r.nextLong(), s.gender);
            s.firstName = n.first();
            s.lastName = n.last();
            s.personalEmail = r.chance(0.9) ? personalEmail(n, r) : null;
            int age = 18 + (r.chance(0.25) ? 1 : 0) + (r.chance(0.08) ? 1 : 0);
            s.birthDate = LocalDate.of(year - age, 1, 1).plusDays(r.nextInt(365));
        }
        s.schoolEmail = People.ascii(s.firstName) + "." + People.ascii(s.lastName) + "." + s.id + "@etu."
                + ReferenceData.SCHOOL_DOMAIN;
        s.joinDate = d;
        s.campusId = campus.id;
        s.promotion = year + 3;
        String region = r.chance(0.7) ? campus.region : r.pick(new ArrayList<>(new TreeSet<>(ReferenceData.TOWNS.keySet())));
        s.institution = "Lycée " + r.pick(ReferenceData.LYCEE_NAMESAKES) + ", " + r.pick(ReferenceData.TOWNS.get(region));
        s.status = "active";
        s.updatedAt = d.atTime(9, 0).plusSeconds(r.nextInt(9 * 3600));
        state.created(s);
        return s;
    }

    private static String personalEmail(People.Name n, Rng r) {
        String sep = r.chance(0.5) ? "." : "";
        return People.ascii(n.first()) + sep + People.ascii(n.last()) + (r.chance(0.6) ? String.valueOf(r.between(1, 99)) : "")
                + "@" + r.pick(ReferenceData.MAIL_DOMAINS);
    }

    /** Latent traits, a pure function of the student id. */
    private record Traits(double engagement, double declinePerYear) {}

    private Traits traits(int studentId) {
        return traits.computeIfAbsent(studentId, id -> {
            Rng r = Rng.of(seed, K_TRAITS, id);
            double e = Math.max(0.1, Math.min(0.99, 0.76 + 0.13 * r.gaussian()));
            double decline = r.chance(0.2) ? 0.15 + 0.3 * r.nextDouble() : 0;
            return new Traits(e, decline);
        });
    }

    private double engagement(Erp.Student s, LocalDate d) {
        Traits t = traits(s.id);
        double years = (d.toEpochDay() - s.joinDate.toEpochDay()) / 365.0;
        return Math.max(0.05, t.engagement() - t.declinePerYear() * years);
    }

    private double institutionLevel(String institution) {
        return -7 + 14 * Rng.of(seed, K_INSTITUTION, Rng.key(institution)).nextDouble();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Classes

    private void holdClasses(LocalDate d, int year) {
        Map<Long, List<Erp.Student>> classes = new TreeMap<>();
        for (Erp.Student s : state.students) {
            if (s.isActive() && !s.joinDate.isAfter(d)) {
                classes.computeIfAbsent((long) s.campusId * 10_000 + s.promotion, k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<Long, List<Erp.Student>> cls : classes.entrySet()) {
            int campusId = (int) (cls.getKey() / 10_000);
            int promotion = (int) (cls.getKey() % 10_000);
            int level = AcademicCalendar.level(promotion, year);
            if (level < 1 || level > 3) {
                continue;
            }
            holdClass(d, campusId, promotion, level, cls.getValue());
        }
    }

    private void holdClass(LocalDate d, int campusId, int promotion, int level, List<Erp.Student> students) {
        Rng r = Rng.of(seed, K_LESSONS, campusId, promotion, d.toEpochDay());
        int n = r.chance(0.2) ? 4 : 3;
        List<Integer> slots = new ArrayList<>(List.of(0, 1, 2, 3));
        List<Erp.Subject> levelSubjects = state.subjects.stream().filter(s -> s.level == level).toList();
        List<Erp.Lesson> lessons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slots.remove(r.nextInt(slots.size()));
        }
        // slots now holds the free ones; the lessons take the others, in time order
        for (int slot = 0; slot < SLOTS.length; slot++) {
            if (slots.contains(slot)) {
                continue;
            }
            Erp.Subject subject = r.pick(levelSubjects);
            Erp.Lesson l = new Erp.Lesson();
            l.id = state.nextId(ErpTable.LESSONS);
            l.subjectId = subject.id;
            l.professorId = professorFor(campusId, subject);
            l.campusId = campusId;
            l.promotion = promotion;
            l.startsAt = d.atTime(SLOTS[slot]);
            l.durationMinutes = 110;
            l.room = "Salle " + (100 * level + r.between(1, 12));
            l.updatedAt = d.atTime(7, 0).plusSeconds(r.nextInt(3600));
            state.created(l);
            lessons.add(l);
        }
        Map<Integer, String> dayStatus = new LinkedHashMap<>();
        for (Erp.Student s : students) {
            double e = engagement(s, d);
            double u = Rng.of(seed, K_DAY, s.id, d.toEpochDay()).nextDouble();
            double present = 0.45 + 0.53 * e;
            dayStatus.put(s.id, u < present ? "present" : u < present + 0.03 ? "excused" : "absent");
        }
        Map<Long, Map<Integer, String>> attended = new HashMap<>();
        for (Erp.Lesson l : lessons) {
            Map<Integer, String> statuses = new HashMap<>();
            for (Erp.Student s : students) {
                String st = dayStatus.get(s.id);
                if ("present".equals(st) && Rng.of(seed, K_LESSON_SKIP, l.id, s.id).chance(0.04)) {
                    st = "absent";
                }
                Erp.Attendance a = new Erp.Attendance();
                a.id = state.nextId(ErpTable.ATTENDANCES);
                a.studentId = s.id;
                a.lessonId = l.id;
                a.status = st;
                a.lessonDate = d;
                a.updatedAt = l.startsAt.plusMinutes(10);
                state.created(a);
                statuses.put(s.id, st);
            }
            attended.put(l.id, statuses);
        }
        Rng ra = Rng.of(seed, K_ASSESS, campusId, promotion, d.toEpochDay());
        if (ra.chance(0.38)) {
            Erp.Lesson l = ra.pick(lessons);
            String assessment = ASSESSMENTS[ra.nextInt(ASSESSMENTS.length)];
            for (Erp.Student s : students) {
                boolean absent = !"present".equals(attended.get(l.id).get(s.id));
                if (absent && !"project".equals(assessment)) {
                    continue;
                }
                Rng rg = Rng.of(seed, K_GRADE, l.id, s.id);
                double mean = 60 + 34 * (engagement(s, d) - 0.76) + institutionLevel(s.institution)
                        + subjectDifficulty(l.subjectId);
                double value = Math.max(0, Math.min(100, mean + 11 * rg.gaussian()));
                Erp.Grade g = new Erp.Grade();
                g.id = state.nextId(ErpTable.GRADES);
                g.studentId = s.id;
                g.subjectId = l.subjectId;
                g.grade = BigDecimal.valueOf(Math.round(value * 2) / 2.0).setScale(2, RoundingMode.UNNECESSARY);
                g.assessment = assessment;
                if (rg.chance(0.01)) {
                    // Entered just before midnight but committed after the nightly import: only an import
                    // window that overlaps the previous day sees it.
                    g.gradedOn = d.minusDays(1);
                    g.updatedAt = d.minusDays(1).atTime(23, 50).plusSeconds(rg.nextInt(600));
                } else {
                    g.gradedOn = d;
                    g.updatedAt = d.atTime(18, 0).plusSeconds(rg.nextInt(6 * 3600 - 1));
                }
                state.created(g);
            }
        }
    }

    private double subjectDifficulty(int subjectId) {
        return -6 + 12 * Rng.of(seed, K_GRADE, -1, subjectId).nextDouble();
    }

    private int professorFor(int campusId, Erp.Subject subject) {
        List<Erp.Professor> local = state.professors.stream().filter(p -> p.campusId == campusId).toList();
        List<Erp.Professor> pool = local.isEmpty() ? state.professors : local;
        return pool.get((subject.id * 7 + campusId) % pool.size()).id;
    }

    /** Absences excused after the fact, and grades corrected: the updates that incremental imports must see. */
    private void correctRecentRows(LocalDate d) {
        LocalDate attendanceFrom = d.minusDays(ErpState.ATTENDANCE_WINDOW_DAYS);
        for (Erp.Attendance a : state.recentAttendance) {
            if ("absent".equals(a.status) && !a.lessonDate.isBefore(attendanceFrom) && a.lessonDate.isBefore(d)) {
                Rng r = Rng.of(seed, K_EXCUSE, a.id, d.toEpochDay());
                if (r.chance(0.04)) {
                    a.status = "excused";
                    a.updatedAt = d.atTime(9, 0).plusSeconds(r.nextInt(8 * 3600));
                    state.modified(a);
                }
            }
        }
        LocalDate gradesFrom = d.minusDays(ErpState.GRADE_WINDOW_DAYS);
        for (Erp.Grade g : state.recentGrades) {
            if (!g.gradedOn.isBefore(gradesFrom) && g.gradedOn.isBefore(d)) {
                Rng r = Rng.of(seed, K_REGRADE, g.id, d.toEpochDay());
                if (r.chance(0.002)) {
                    g.grade = g.grade.add(BigDecimal.valueOf(r.between(1, 5))).min(BigDecimal.valueOf(100)).setScale(2);
                    g.updatedAt = d.atTime(14, 0).plusSeconds(r.nextInt(4 * 3600));
                    state.modified(g);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Leaving, contracts, hiring

    private void dropouts(LocalDate d) {
        for (Erp.Student s : state.students) {
            if (!s.isActive() || s.joinDate.isAfter(d)) {
                continue;
            }
            double hazard = 0.0009 * StrictMath.exp(-7 * (engagement(s, d) - 0.6));
            Rng r = Rng.of(seed, K_DROP, s.id, d.toEpochDay());
            if (!r.chance(hazard)) {
                continue;
            }
            s.status = "dropped_out";
            s.leftDate = d;
            s.updatedAt = d.atTime(16, 0).plusSeconds(r.nextInt(3 * 3600));
            state.modified(s);
            Erp.Contract open = state.studyContract.get(s.id);
            if (open != null && open.isOpenOn(d)) {
                open.end = d;
                open.updatedAt = s.updatedAt;
                state.modified(open);
            }
            if (r.chance(0.25)) {
                // Left for a competing school's apprenticeship programme.
                newContract(s, r.pick(schools()), d.plusDays(r.between(7, 30)), null, "apprenticeship", s.updatedAt);
            }
        }
    }

    private void studyContracts(LocalDate d, int year) {
        int month = d.getMonthValue();
        boolean apprenticeshipSeason = (month == 9 && d.getDayOfMonth() > 15) || month == 10 || month == 11;
        boolean internshipSeason = month == 4 || month == 5;
        if (!apprenticeshipSeason && !internshipSeason) {
            return;
        }
        Map<Integer, Erp.Campus> campuses = new HashMap<>();
        state.campuses.forEach(c -> campuses.put(c.id, c));
        for (Erp.Student s : state.students) {
            if (!s.isActive() || s.joinDate.isAfter(d)) {
                continue;
            }
            Erp.Contract current = state.studyContract.get(s.id);
            if (current != null && current.isOpenOn(d)) {
                continue;
            }
            int level = AcademicCalendar.level(s.promotion, year);
            double e = engagement(s, d);
            Erp.Campus campus = campuses.get(s.campusId);
            if (apprenticeshipSeason && level >= 2) {
                double target = Math.min(0.95, ReferenceData.APPRENTICESHIP_RATE.get(campus.region) * (0.45 + 0.75 * e));
                Rng r = Rng.of(seed, K_APPR, s.id, d.toEpochDay());
                if (r.chance(-StrictMath.log(1 - target) / 45)) {
                    newContract(s, pickCompany(campus.region, r), d, LocalDate.of(year + 1, 8, 31), "apprenticeship",
                            d.atTime(10, 0).plusSeconds(r.nextInt(7 * 3600)));
                }
            } else if (internshipSeason && level == 1) {
                Rng r = Rng.of(seed, K_INTERN, s.id, d.toEpochDay());
                if (r.chance(-StrictMath.log(1 - 0.35 * (0.4 + 0.8 * e)) / 35)) {
                    newContract(s, pickCompany(campus.region, r), d, d.plusWeeks(8), "internship",
                            d.atTime(10, 0).plusSeconds(r.nextInt(7 * 3600)));
                }
            }
        }
    }

    private void graduate(LocalDate d) {
        for (Erp.Student s : state.students) {
            if (s.isActive() && s.promotion == d.getYear()) {
                s.status = "graduated";
                s.leftDate = d;
                s.updatedAt = d.atTime(12, 0);
                state.modified(s);
            }
        }
    }

    private void hires(LocalDate d) {
        for (Erp.Student s : state.students) {
            if (!"graduated".equals(s.status) || s.leftDate.isAfter(d) || state.hired.contains(s.id)) {
                continue;
            }
            long days = d.toEpochDay() - s.leftDate.toEpochDay();
            if (days > 730) {
                continue;
            }
            String region = campusRegion(s.campusId);
            double labour = StrictMath.sqrt(ReferenceData.APPRENTICESHIP_RATE.get(region) / 0.45);
            double hazard = 0.009 * (0.3 + engagement(s, s.leftDate)) * labour;
            Rng r = Rng.of(seed, K_HIRE, s.id, d.toEpochDay());
            if (!r.chance(hazard)) {
                continue;
            }
            Erp.Contract previous = state.studyContract.get(s.id);
            Erp.Company company = previous != null && r.chance(0.45) && "company".equals(companyKind(previous.companyId))
                    ? state.companies.get(previous.companyId - 1)
                    : pickCompany(region, r);
            boolean permanent = r.chance(0.65);
            newContract(s, company, d, permanent ? null : d.plusMonths(r.chance(0.5) ? 12 : 18),
                    permanent ? "permanent" : "fixed_term", d.atTime(9, 0).plusSeconds(r.nextInt(9 * 3600)));
        }
    }

    private String companyKind(int companyId) {
        return state.companies.get(companyId - 1).kind;
    }

    private String campusRegion(int campusId) {
        return state.campuses.get(campusId - 1).region;
    }

    private void newContract(Erp.Student s, Erp.Company company, LocalDate start, LocalDate end, String type,
                             LocalDateTime stamp) {
        Erp.Contract c = new Erp.Contract();
        c.id = (int) state.nextId(ErpTable.APPRENTICESHIPS);
        c.studentId = s.id;
        c.companyId = company.id;
        c.start = start;
        c.end = end;
        c.type = type;
        c.updatedAt = stamp;
        state.created(c);
    }

    private List<Erp.Company> schools() {
        if (schools == null) {
            schools = state.companies.stream().filter(c -> "school".equals(c.kind)).toList();
        }
        return schools;
    }

    /** Big employers take many students: weights fall with the company id (Zipf-like); 70 % stay in the region. */
    private Erp.Company pickCompany(String region, Rng r) {
        if (hostCompanies == null) {
            hostCompanies = state.companies.stream().filter(c -> "company".equals(c.kind)).toList();
            for (Erp.Company c : hostCompanies) {
                companiesByRegion.computeIfAbsent(c.region, k -> new ArrayList<>()).add(c);
            }
            companyWeights.put("", cumulative(hostCompanies));
            companiesByRegion.forEach((k, v) -> companyWeights.put(k, cumulative(v)));
        }
        List<Erp.Company> local = companiesByRegion.get(region);
        if (local != null && r.chance(0.7)) {
            return local.get(r.weighted(companyWeights.get(region)));
        }
        return hostCompanies.get(r.weighted(companyWeights.get("")));
    }

    private static double[] cumulative(List<Erp.Company> list) {
        double[] w = new double[list.size()];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += 1.0 / StrictMath.pow(list.get(i).id, 0.9);
            w[i] = sum;
        }
        return w;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Events

    private record PlannedEvent(LocalDate date, String type, int campusId, String city, String name, double weight) {}

    /** The year's open days (four per campus) and fairs (two per region): a pure function of the year. */
    private List<PlannedEvent> plan(int year) {
        return eventPlans.computeIfAbsent(year, y -> {
            List<PlannedEvent> out = new ArrayList<>();
            int[][] openDayMonths = {{y, 11}, {y + 1, 1}, {y + 1, 3}, {y + 1, 5}};
            for (Erp.Campus c : state.campuses) {
                for (int[] ym : openDayMonths) {
                    LocalDate date = AcademicCalendar.nthSaturday(ym[0], ym[1], 2);
                    out.add(new PlannedEvent(date, "open_day", c.id, c.city, "Journée portes ouvertes " + c.city + " "
                            + Month.of(ym[1]).getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + ym[0], 1.0));
                }
            }
            Map<String, Erp.Campus> hostByRegion = new TreeMap<>();
            for (Erp.Campus c : state.campuses) {
                hostByRegion.putIfAbsent(c.region, c);
            }
            for (Erp.Campus host : hostByRegion.values()) {
                Rng r = Rng.of(seed, K_FAIR, host.id, y);
                String town = r.pick(ReferenceData.TOWNS.get(host.region));
                out.add(new PlannedEvent(AcademicCalendar.nthSaturday(y, 10, 3), "fair", host.id, town,
                        "Salon de l'étudiant " + town + " " + y, 2.5));
                out.add(new PlannedEvent(AcademicCalendar.nthSaturday(y + 1, 2, 1), "fair", host.id, town,
                        "Salon des formations " + town + " " + (y + 1), 2.5));
            }
            return out;
        });
    }

    private void holdEvents(LocalDate d, int year) {
        List<PlannedEvent> plan = plan(year);
        double totalWeight = plan.stream().mapToDouble(PlannedEvent::weight).sum();
        for (PlannedEvent p : plan) {
            if (!p.date().equals(d)) {
                continue;
            }
            Erp.Event e = new Erp.Event();
            e.id = (int) state.nextId(ErpTable.EVENTS);
            e.type = p.type();
            e.name = p.name();
            e.campusId = p.campusId();
            e.date = d;
            e.city = p.city();
            e.updatedAt = d.atTime(8, 0);
            state.created(e);
            String region = campusRegion(p.campusId());
            int n = Rng.of(seed, K_EVENT, e.id).poisson(cfg.contactsPerYear() * p.weight() / totalWeight);
            for (int k = 0; k < n; k++) {
                Rng r = Rng.of(seed, K_CONTACT, e.id, k);
                Erp.Contact c = new Erp.Contact();
                c.id = (int) state.nextId(ErpTable.AUDIENCES);
                c.eventId = e.id;
                People.Name name = people.name(r.nextLong(), r.chance(0.5) ? "F" : "M");
                c.firstName = name.first();
                c.lastName = name.last();
                c.email = personalEmail(name, r);
                c.phone = r.chance(0.8) ? people.phone(r.nextLong()) : null;
                c.birthYear = year + 1 - 18 - (r.chance(0.2) ? 1 : 0);
                c.city = r.pick(ReferenceData.TOWNS.get(region));
                c.updatedAt = d.atTime(10, 0).plusSeconds(r.nextInt(7 * 3600));
                state.created(c);
            }
        }
    }
}
