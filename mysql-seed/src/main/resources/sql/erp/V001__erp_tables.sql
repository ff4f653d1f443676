-- The school's operational database ("ERP"): the source of the lake.
-- Every table has a primary key and an updated_at maintained on every change (incremental imports use it).
-- Like most operational systems it enforces keys and references, not business ranges: grades outside 0-100 or
-- zero dates can reach it, and the lake's validation step quarantines them.
-- Runs unchanged on MySQL 8.0 and MariaDB 10.6+. Idempotent.
CREATE DATABASE IF NOT EXISTS erp CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS erp.campuses (
  campus_id   INT          NOT NULL,
  name        VARCHAR(80)  NOT NULL,
  city        VARCHAR(80)  NOT NULL,
  region      VARCHAR(60)  NOT NULL,
  opened_on   DATE         NOT NULL,
  capacity    INT          NOT NULL COMMENT 'seats for one cohort',
  updated_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (campus_id),
  UNIQUE KEY uk_campuses_name (name),
  KEY ix_campuses_updated_at (updated_at)
) ENGINE=InnoDB COMMENT='school sites';

CREATE TABLE IF NOT EXISTS erp.subjects (
  subject_id  INT          NOT NULL,
  code        VARCHAR(16)  NOT NULL,
  name        VARCHAR(120) NOT NULL,
  level       TINYINT      NOT NULL COMMENT 'year of study, 1-3',
  credits     TINYINT      NOT NULL COMMENT 'ECTS',
  updated_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (subject_id),
  UNIQUE KEY uk_subjects_code (code),
  KEY ix_subjects_updated_at (updated_at)
) ENGINE=InnoDB COMMENT='taught subjects';

CREATE TABLE IF NOT EXISTS erp.professors (
  professor_id INT          NOT NULL,
  first_name   VARCHAR(60)  NOT NULL,
  last_name    VARCHAR(60)  NOT NULL,
  email        VARCHAR(120) NOT NULL,
  campus_id    INT          NOT NULL COMMENT 'home campus',
  speciality   VARCHAR(60)  NOT NULL,
  hired_on     DATE         NOT NULL,
  updated_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (professor_id),
  UNIQUE KEY uk_professors_email (email),
  KEY ix_professors_campus (campus_id),
  KEY ix_professors_updated_at (updated_at),
  CONSTRAINT fk_professors_campus FOREIGN KEY (campus_id) REFERENCES erp.campuses (campus_id)
) ENGINE=InnoDB COMMENT='teaching staff';

CREATE TABLE IF NOT EXISTS erp.companies (
  company_id  INT          NOT NULL,
  name        VARCHAR(120) NOT NULL,
  sector      VARCHAR(60)  NOT NULL,
  city        VARCHAR(80)  NOT NULL,
  region      VARCHAR(60)  NOT NULL,
  kind        VARCHAR(8)   NOT NULL COMMENT 'company | school (a competing school)',
  updated_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (company_id),
  KEY ix_companies_region (region),
  KEY ix_companies_updated_at (updated_at)
) ENGINE=InnoDB COMMENT='host companies and competing schools';

CREATE TABLE IF NOT EXISTS erp.students (
  student_id            INT          NOT NULL,
  first_name            VARCHAR(60)  NOT NULL,
  last_name             VARCHAR(60)  NOT NULL,
  school_email          VARCHAR(120) NOT NULL,
  personal_email        VARCHAR(120) NULL,
  gender                CHAR(1)      NOT NULL COMMENT 'F | M | X',
  birth_date            DATE         NOT NULL,
  join_date             DATE         NOT NULL,
  left_date             DATE         NULL COMMENT 'graduation or dropout day',
  campus_id             INT          NOT NULL,
  promotion             SMALLINT     NOT NULL COMMENT 'graduation year of the cohort',
  institution_of_origin VARCHAR(120) NOT NULL COMMENT 'previous school (lycee)',
  status                VARCHAR(12)  NOT NULL COMMENT 'active | graduated | dropped_out',
  updated_at            TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (student_id),
  UNIQUE KEY uk_students_school_email (school_email),
  KEY ix_students_campus_promotion (campus_id, promotion),
  KEY ix_students_status (status),
  KEY ix_students_updated_at (updated_at),
  CONSTRAINT fk_students_campus FOREIGN KEY (campus_id) REFERENCES erp.campuses (campus_id)
) ENGINE=InnoDB COMMENT='enrolled, graduated and departed students';

CREATE TABLE IF NOT EXISTS erp.lessons (
  lesson_id        BIGINT      NOT NULL,
  subject_id       INT         NOT NULL,
  professor_id     INT         NOT NULL,
  campus_id        INT         NOT NULL,
  promotion        SMALLINT    NOT NULL COMMENT 'the cohort attending',
  starts_at        DATETIME    NOT NULL,
  duration_minutes SMALLINT    NOT NULL,
  room             VARCHAR(16) NOT NULL,
  updated_at       TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (lesson_id),
  KEY ix_lessons_campus_starts (campus_id, starts_at),
  KEY ix_lessons_subject (subject_id),
  KEY ix_lessons_professor (professor_id),
  KEY ix_lessons_updated_at (updated_at),
  CONSTRAINT fk_lessons_subject FOREIGN KEY (subject_id) REFERENCES erp.subjects (subject_id),
  CONSTRAINT fk_lessons_professor FOREIGN KEY (professor_id) REFERENCES erp.professors (professor_id),
  CONSTRAINT fk_lessons_campus FOREIGN KEY (campus_id) REFERENCES erp.campuses (campus_id)
) ENGINE=InnoDB COMMENT='scheduled class sessions';

CREATE TABLE IF NOT EXISTS erp.attendances (
  attendance_id BIGINT     NOT NULL,
  student_id    INT        NOT NULL,
  lesson_id     BIGINT     NOT NULL,
  status        VARCHAR(8) NOT NULL COMMENT 'present | absent | excused',
  updated_at    TIMESTAMP  NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (attendance_id),
  UNIQUE KEY uk_attendances_lesson_student (lesson_id, student_id),
  KEY ix_attendances_student (student_id),
  KEY ix_attendances_updated_at (updated_at),
  CONSTRAINT fk_attendances_student FOREIGN KEY (student_id) REFERENCES erp.students (student_id),
  CONSTRAINT fk_attendances_lesson FOREIGN KEY (lesson_id) REFERENCES erp.lessons (lesson_id)
) ENGINE=InnoDB COMMENT='one row per student and lesson; absences may be excused later';

CREATE TABLE IF NOT EXISTS erp.grades (
  grade_id    BIGINT       NOT NULL,
  student_id  INT          NOT NULL,
  subject_id  INT          NOT NULL,
  graded_on   DATE         NOT NULL,
  grade       DECIMAL(5,2) NOT NULL COMMENT '0-100',
  assessment  VARCHAR(8)   NOT NULL COMMENT 'exam | project | quiz | oral',
  updated_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (grade_id),
  KEY ix_grades_student (student_id),
  KEY ix_grades_subject (subject_id),
  KEY ix_grades_graded_on (graded_on),
  KEY ix_grades_updated_at (updated_at),
  CONSTRAINT fk_grades_student FOREIGN KEY (student_id) REFERENCES erp.students (student_id),
  CONSTRAINT fk_grades_subject FOREIGN KEY (subject_id) REFERENCES erp.subjects (subject_id)
) ENGINE=InnoDB COMMENT='assessment results; corrections update the row';

CREATE TABLE IF NOT EXISTS erp.apprenticeships (
  apprenticeship_id INT         NOT NULL,
  student_id        INT         NOT NULL,
  company_id        INT         NOT NULL,
  start_date        DATE        NOT NULL,
  end_date          DATE        NULL,
  contract_type     VARCHAR(16) NOT NULL COMMENT 'apprenticeship | internship | permanent | fixed_term',
  updated_at        TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (apprenticeship_id),
  KEY ix_apprenticeships_student (student_id),
  KEY ix_apprenticeships_company (company_id),
  KEY ix_apprenticeships_updated_at (updated_at),
  CONSTRAINT fk_apprenticeships_student FOREIGN KEY (student_id) REFERENCES erp.students (student_id),
  CONSTRAINT fk_apprenticeships_company FOREIGN KEY (company_id) REFERENCES erp.companies (company_id)
) ENGINE=InnoDB COMMENT='work contracts: apprenticeships and internships while studying, jobs after graduation';

CREATE TABLE IF NOT EXISTS erp.events (
  event_id    INT          NOT NULL,
  event_type  VARCHAR(12)  NOT NULL COMMENT 'open_day | fair',
  name        VARCHAR(120) NOT NULL,
  campus_id   INT          NOT NULL COMMENT 'organising campus',
  event_date  DATE         NOT NULL,
  city        VARCHAR(80)  NOT NULL,
  updated_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (event_id),
  KEY ix_events_campus_date (campus_id, event_date),
  KEY ix_events_updated_at (updated_at),
  CONSTRAINT fk_events_campus FOREIGN KEY (campus_id) REFERENCES erp.campuses (campus_id)
) ENGINE=InnoDB COMMENT='open days and education fairs';

CREATE TABLE IF NOT EXISTS erp.audiences (
  audience_id INT          NOT NULL,
  event_id    INT          NOT NULL,
  first_name  VARCHAR(60)  NOT NULL,
  last_name   VARCHAR(60)  NOT NULL,
  email       VARCHAR(120) NOT NULL,
  phone       VARCHAR(20)  NULL,
  birth_year  SMALLINT     NOT NULL,
  city        VARCHAR(80)  NOT NULL,
  student_id  INT          NULL COMMENT 'the student this contact became, if any',
  updated_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (audience_id),
  KEY ix_audiences_event (event_id),
  KEY ix_audiences_student (student_id),
  KEY ix_audiences_updated_at (updated_at),
  CONSTRAINT fk_audiences_event FOREIGN KEY (event_id) REFERENCES erp.events (event_id),
  CONSTRAINT fk_audiences_student FOREIGN KEY (student_id) REFERENCES erp.students (student_id)
) ENGINE=InnoDB COMMENT='prospective students met at events';
