-- GENERATED from the table catalog (ingestion/src/main/resources/catalog/erp-tables.yaml)
-- by org.campuslake.ingest.catalog.HiveCuratedBuild: do not edit by hand. After changing the catalog, run
--   UPDATE_GENERATED=1 mvn -pl hive-ddl -am test -Dtest=GeneratedHqlTest
-- Brings the curated layer from the day before ${hivevar:ingest_date} to ${hivevar:ingest_date} with the raw partitions
-- of ${hivevar:ingest_date} only. Run it only on a curated layer built as of the day before (the analytics workflow
-- checks its marker); anything else takes the full build, 110, which gives the same tables.
-- Parameters: ${hivevar:ingest_date} (plus the tables of 010, 020 and 100).

SET hive.exec.dynamic.partition=true;
SET hive.exec.dynamic.partition.mode=nonstrict;
-- Each statement's stages depend on one another: run them in order (in parallel mode HiveServer2
-- polls its stages every 2 seconds, 6-10 s a statement). Spark SQL ignores the setting.
SET hive.exec.parallel=false;

-- erp.campuses (full)
INSERT OVERWRITE TABLE curated.campuses
SELECT t.campus_id,
       t.name,
       t.city,
       t.region,
       t.opened_on,
       t.capacity,
       t.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY campus_id ORDER BY ingest_date DESC, updated_at DESC) AS rn
      FROM raw.campuses r WHERE ingest_date <= '${hivevar:ingest_date}') t
WHERE t.rn = 1;

-- erp.subjects (full)
INSERT OVERWRITE TABLE curated.subjects
SELECT t.subject_id,
       t.code,
       t.name,
       t.level,
       t.credits,
       t.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY subject_id ORDER BY ingest_date DESC, updated_at DESC) AS rn
      FROM raw.subjects r WHERE ingest_date <= '${hivevar:ingest_date}') t
WHERE t.rn = 1;

-- erp.professors (full), without first_name, last_name, email, hired_on
INSERT OVERWRITE TABLE curated.professors
SELECT sha2(concat(k.salt, ':professor:', CAST(t.professor_id AS STRING)), 256) AS professor_key,
       t.campus_id,
       t.speciality,
       year(t.hired_on) AS hired_year,
       t.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY professor_id ORDER BY ingest_date DESC, updated_at DESC) AS rn
      FROM raw.professors r WHERE ingest_date <= '${hivevar:ingest_date}') t
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE t.rn = 1;

-- erp.companies (full)
INSERT OVERWRITE TABLE curated.companies
SELECT t.company_id,
       t.name,
       t.sector,
       t.city,
       t.region,
       t.kind,
       t.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY company_id ORDER BY ingest_date DESC, updated_at DESC) AS rn
      FROM raw.companies r WHERE ingest_date <= '${hivevar:ingest_date}') t
WHERE t.rn = 1;

-- erp.students (lastmodified), without first_name, last_name, school_email, personal_email, birth_date
INSERT OVERWRITE TABLE curated.students
SELECT sha2(concat(k.salt, ':student:', CAST(t.student_id AS STRING)), 256) AS student_key,
       t.gender,
       year(t.birth_date) AS birth_year,
       CASE WHEN floor(months_between(t.join_date, t.birth_date) / 12) < 18 THEN 'under 18'
            WHEN floor(months_between(t.join_date, t.birth_date) / 12) >= 21 THEN '21 and over'
            ELSE CAST(CAST(floor(months_between(t.join_date, t.birth_date) / 12) AS INT) AS STRING) END AS age_band,
       t.join_date,
       t.left_date,
       t.campus_id,
       c.region AS region,
       t.promotion,
       t.institution_of_origin,
       t.status,
       t.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY student_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.students r WHERE ingest_date <= '${hivevar:ingest_date}') t
LEFT JOIN curated.campuses c ON c.campus_id = t.campus_id
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE t.rn = 1;

-- erp.events (append)
INSERT OVERWRITE TABLE curated.events
SELECT t.event_id,
       t.event_type,
       t.name,
       t.campus_id,
       t.event_date,
       t.city,
       t.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.events r WHERE ingest_date <= '${hivevar:ingest_date}') t
WHERE t.rn = 1;

-- erp.audiences (lastmodified), without first_name, last_name, email, phone
INSERT OVERWRITE TABLE curated.contacts
SELECT sha2(concat(k.salt, ':contact:', CAST(t.audience_id AS STRING)), 256) AS contact_key,
       t.event_id,
       t.birth_year,
       t.city,
       CASE WHEN t.student_id IS NULL THEN NULL ELSE sha2(concat(k.salt, ':student:', CAST(t.student_id AS STRING)), 256) END AS student_key,
       t.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY audience_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.audiences r WHERE ingest_date <= '${hivevar:ingest_date}') t
LEFT JOIN raw.audiences_deleted gone ON gone.audience_id = t.audience_id AND gone.ingest_date >= t.ingest_date
  AND gone.ingest_date <= '${hivevar:ingest_date}'
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE t.rn = 1 AND gone.ingest_date IS NULL;

-- erp.apprenticeships (lastmodified)
INSERT OVERWRITE TABLE curated.apprenticeships
SELECT t.apprenticeship_id,
       sha2(concat(k.salt, ':student:', CAST(t.student_id AS STRING)), 256) AS student_key,
       t.company_id,
       t.start_date,
       t.end_date,
       t.contract_type,
       t.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY apprenticeship_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.apprenticeships r WHERE ingest_date <= '${hivevar:ingest_date}') t
LEFT JOIN raw.apprenticeships_deleted gone ON gone.apprenticeship_id = t.apprenticeship_id AND gone.ingest_date >= t.ingest_date
  AND gone.ingest_date <= '${hivevar:ingest_date}'
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE t.rn = 1 AND gone.ingest_date IS NULL;

-- erp.lessons (append): the months ${hivevar:ingest_date} touches
WITH fresh AS (
  SELECT t.lesson_id,
         t.subject_id,
         sha2(concat(k.salt, ':professor:', CAST(t.professor_id AS STRING)), 256) AS professor_key,
         t.campus_id,
         t.promotion,
         t.starts_at,
         t.duration_minutes,
         t.room,
         t.updated_at,
         date_format(t.starts_at, 'yyyy-MM') AS lesson_month
  FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY lesson_id ORDER BY updated_at DESC) AS rn
        FROM raw.lessons r WHERE ingest_date = '${hivevar:ingest_date}') t
  CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
  WHERE t.rn = 1
),
gone AS (
  SELECT DISTINCT lesson_id FROM raw.lessons WHERE 1 = 0
),
touched AS (
  SELECT date_format(t.starts_at, 'yyyy-MM') AS lesson_month
  FROM raw.lessons t WHERE t.ingest_date = '${hivevar:ingest_date}'
  UNION
  SELECT c.lesson_month FROM curated.lessons c
  JOIN (SELECT lesson_id FROM raw.lessons WHERE ingest_date = '${hivevar:ingest_date}' UNION ALL SELECT lesson_id FROM gone) k ON k.lesson_id = c.lesson_id
)
INSERT OVERWRITE TABLE curated.lessons PARTITION (lesson_month)
SELECT v.lesson_id, v.subject_id, v.professor_key, v.campus_id, v.promotion, v.starts_at, v.duration_minutes, v.room, v.updated_at, v.lesson_month
FROM (SELECT u.*, ROW_NUMBER() OVER (PARTITION BY u.lesson_id ORDER BY u.updated_at DESC, u.fresh DESC) AS rn
      FROM (SELECT c.*, 0 AS fresh FROM curated.lessons c
            WHERE c.lesson_month IN (SELECT lesson_month FROM touched)
            UNION ALL
            SELECT f.*, 1 AS fresh FROM fresh f) u) v
LEFT JOIN gone ON gone.lesson_id = v.lesson_id
WHERE v.rn = 1 AND gone.lesson_id IS NULL;

-- erp.attendances (lastmodified): the months ${hivevar:ingest_date} touches
WITH fresh AS (
  SELECT t.attendance_id,
         sha2(concat(k.salt, ':student:', CAST(t.student_id AS STRING)), 256) AS student_key,
         t.lesson_id,
         to_date(l.starts_at) AS lesson_date,
         t.status,
         t.updated_at,
         date_format(l.starts_at, 'yyyy-MM') AS lesson_month
  FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY attendance_id ORDER BY updated_at DESC) AS rn
        FROM raw.attendances r WHERE ingest_date = '${hivevar:ingest_date}') t
  JOIN curated.lessons l ON l.lesson_id = t.lesson_id
  CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
  WHERE t.rn = 1
),
gone AS (
  SELECT DISTINCT attendance_id FROM raw.attendances WHERE 1 = 0
),
touched AS (
  SELECT date_format(l.starts_at, 'yyyy-MM') AS lesson_month
  FROM raw.attendances t JOIN curated.lessons l ON l.lesson_id = t.lesson_id WHERE t.ingest_date = '${hivevar:ingest_date}'
  UNION
  SELECT c.lesson_month FROM curated.attendances c
  JOIN (SELECT attendance_id FROM raw.attendances WHERE ingest_date = '${hivevar:ingest_date}' UNION ALL SELECT attendance_id FROM gone) k ON k.attendance_id = c.attendance_id
)
INSERT OVERWRITE TABLE curated.attendances PARTITION (lesson_month)
SELECT v.attendance_id, v.student_key, v.lesson_id, v.lesson_date, v.status, v.updated_at, v.lesson_month
FROM (SELECT u.*, ROW_NUMBER() OVER (PARTITION BY u.attendance_id ORDER BY u.updated_at DESC, u.fresh DESC) AS rn
      FROM (SELECT c.*, 0 AS fresh FROM curated.attendances c
            WHERE c.lesson_month IN (SELECT lesson_month FROM touched)
            UNION ALL
            SELECT f.*, 1 AS fresh FROM fresh f) u) v
LEFT JOIN gone ON gone.attendance_id = v.attendance_id
WHERE v.rn = 1 AND gone.attendance_id IS NULL;

-- erp.grades (lastmodified): the months ${hivevar:ingest_date} touches
WITH fresh AS (
  SELECT t.grade_id,
         sha2(concat(k.salt, ':student:', CAST(t.student_id AS STRING)), 256) AS student_key,
         t.subject_id,
         t.graded_on,
         t.grade,
         t.assessment,
         t.updated_at,
         date_format(t.graded_on, 'yyyy-MM') AS graded_month
  FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY grade_id ORDER BY updated_at DESC) AS rn
        FROM raw.grades r WHERE ingest_date = '${hivevar:ingest_date}') t
  CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
  WHERE t.rn = 1
),
gone AS (
  SELECT DISTINCT grade_id FROM raw.grades_deleted WHERE ingest_date = '${hivevar:ingest_date}'
),
touched AS (
  SELECT date_format(t.graded_on, 'yyyy-MM') AS graded_month
  FROM raw.grades t WHERE t.ingest_date = '${hivevar:ingest_date}'
  UNION
  SELECT c.graded_month FROM curated.grades c
  JOIN (SELECT grade_id FROM raw.grades WHERE ingest_date = '${hivevar:ingest_date}' UNION ALL SELECT grade_id FROM gone) k ON k.grade_id = c.grade_id
)
INSERT OVERWRITE TABLE curated.grades PARTITION (graded_month)
SELECT v.grade_id, v.student_key, v.subject_id, v.graded_on, v.grade, v.assessment, v.updated_at, v.graded_month
FROM (SELECT u.*, ROW_NUMBER() OVER (PARTITION BY u.grade_id ORDER BY u.updated_at DESC, u.fresh DESC) AS rn
      FROM (SELECT c.*, 0 AS fresh FROM curated.grades c
            WHERE c.graded_month IN (SELECT graded_month FROM touched)
            UNION ALL
            SELECT f.*, 1 AS fresh FROM fresh f) u) v
LEFT JOIN gone ON gone.grade_id = v.grade_id
WHERE v.rn = 1 AND gone.grade_id IS NULL;
