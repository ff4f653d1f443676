-- Views for analysts (Beeline, BI tools) over the curated layer. Every expression carries an alias: Hive and
-- Spark name unaliased expressions differently. Idempotent.

CREATE DATABASE IF NOT EXISTS analytics COMMENT 'Ready-made views for analysts over the curated layer';

CREATE OR REPLACE VIEW analytics.student_profile
COMMENT 'one row per student: where, when, how they do'
AS SELECT s.student_key, s.campus_id, s.region, s.promotion, s.status, s.gender, s.age_band, s.institution_of_origin,
       g.grade_count AS grade_count, g.average_grade AS average_grade,
       a.present_count AS present_count, a.absent_count AS absent_count,
       CASE WHEN a.present_count + a.absent_count = 0 THEN NULL
            ELSE round(a.present_count / (a.present_count + a.absent_count), 4) END AS attendance_rate
FROM curated.students s
LEFT JOIN (SELECT student_key, COUNT(*) AS grade_count, round(AVG(grade), 2) AS average_grade
           FROM curated.grades GROUP BY student_key) g ON g.student_key = s.student_key
LEFT JOIN (SELECT student_key, SUM(IF(status = 'present', 1, 0)) AS present_count,
                  SUM(IF(status = 'absent', 1, 0)) AS absent_count
           FROM curated.attendances GROUP BY student_key) a ON a.student_key = s.student_key;

CREATE OR REPLACE VIEW analytics.campus_attendance_by_month
COMMENT 'presence per campus and month; excused absences are left out of the rate'
AS SELECT l.campus_id, a.lesson_month,
       SUM(IF(a.status = 'present', 1, 0)) AS present_count,
       SUM(IF(a.status = 'absent', 1, 0)) AS absent_count,
       SUM(IF(a.status = 'excused', 1, 0)) AS excused_count,
       round(SUM(IF(a.status = 'present', 1, 0)) / SUM(IF(a.status <> 'excused', 1, 0)), 4) AS attendance_rate
FROM curated.attendances a
JOIN curated.lessons l ON l.lesson_id = a.lesson_id
GROUP BY l.campus_id, a.lesson_month;
