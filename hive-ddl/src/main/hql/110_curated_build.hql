-- GENERATED from the table catalog (ingestion/src/main/resources/catalog/erp-tables.yaml)
-- by org.campuslake.ingest.catalog.HiveCuratedBuild: do not edit by hand. After changing the catalog, run
--   UPDATE_GENERATED=1 mvn -pl hive-ddl -am test -Dtest=GeneratedHqlTest
-- Builds the curated layer as of ${hivevar:ingest_date}: for every key, the most recent version among all raw
-- partitions up to that date (raw holds validated records only: quarantined rows never reach curated).
-- INSERT OVERWRITE makes a rerun of the same date give the same tables; partitioned tables replace only the
-- partitions they write (dynamic partitions). A table that declares deletes drops a key when one of its
-- tombstones (raw.<table>_deleted) is not older than the key's latest version: an outer join with no match,
-- which Hive turns into a map join on the small tombstone table (no extra stage, unlike a GROUP BY).
-- The latest version: a full table's partitions are whole snapshots, so the newest partition is the source's
-- state (even where updated_at went back, a row restored from a backup); an append or lastmodified table's
-- partitions are overlapping windows of changes, so the newest change wins (updated_at), and the partition only
-- breaks a tie.
-- Parameters: ${hivevar:ingest_date} (plus the tables of 010, 020 and 100).

SET hive.exec.dynamic.partition=true;
SET hive.exec.dynamic.partition.mode=nonstrict;
-- The salt is one line: joined as it is read (a map join whose small side is that line), not through an aggregate,
-- which would cost each salted table one more MapReduce job on HiveServer2.
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

-- erp.lessons (append)
INSERT OVERWRITE TABLE curated.lessons PARTITION (lesson_month)
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
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY lesson_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.lessons r WHERE ingest_date <= '${hivevar:ingest_date}') t
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE t.rn = 1;

-- erp.attendances (lastmodified)
INSERT OVERWRITE TABLE curated.attendances PARTITION (lesson_month)
SELECT t.attendance_id,
       sha2(concat(k.salt, ':student:', CAST(t.student_id AS STRING)), 256) AS student_key,
       t.lesson_id,
       to_date(l.starts_at) AS lesson_date,
       t.status,
       t.updated_at,
       date_format(l.starts_at, 'yyyy-MM') AS lesson_month
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY attendance_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.attendances r WHERE ingest_date <= '${hivevar:ingest_date}') t
JOIN curated.lessons l ON l.lesson_id = t.lesson_id
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE t.rn = 1;

-- erp.grades (lastmodified)
INSERT OVERWRITE TABLE curated.grades PARTITION (graded_month)
SELECT t.grade_id,
       sha2(concat(k.salt, ':student:', CAST(t.student_id AS STRING)), 256) AS student_key,
       t.subject_id,
       t.graded_on,
       t.grade,
       t.assessment,
       t.updated_at,
       date_format(t.graded_on, 'yyyy-MM') AS graded_month
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY grade_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.grades r WHERE ingest_date <= '${hivevar:ingest_date}') t
LEFT JOIN raw.grades_deleted gone ON gone.grade_id = t.grade_id AND gone.ingest_date >= t.ingest_date
  AND gone.ingest_date <= '${hivevar:ingest_date}'
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE t.rn = 1 AND gone.ingest_date IS NULL;
