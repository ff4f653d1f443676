-- Builds the curated layer as of ${hivevar:ingest_date}: for every key, the most recent version among all raw
-- partitions up to that date (raw holds validated records only: quarantined rows never reach curated).
-- INSERT OVERWRITE makes a rerun of the same date give the same tables; partitioned tables replace only the
-- partitions they write (dynamic partitions). A table that declares deletes in the catalog drops a key when one of
-- its tombstones (raw.<table>_deleted) is not older than the key's latest version: an outer join with no match,
-- which Hive turns into a map join on the small tombstone table (no extra stage, unlike a GROUP BY).
-- Parameters: ${hivevar:ingest_date} (plus the tables of 010, 020 and 100).

SET hive.exec.dynamic.partition=true;
SET hive.exec.dynamic.partition.mode=nonstrict;
-- The salt is one line: joined as it is read (a map join whose small side is that line), not through an aggregate,
-- which would cost each salted table one more MapReduce job on HiveServer2. Independent stages run side by side
-- (each is a short MapReduce job whose time is mostly start-up); Spark SQL ignores the setting.
SET hive.exec.parallel=true;

INSERT OVERWRITE TABLE curated.campuses
SELECT campus_id, name, city, region, opened_on, capacity, updated_at
FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY campus_id ORDER BY ingest_date DESC, updated_at DESC) AS rn
      FROM raw.campuses c WHERE ingest_date <= '${hivevar:ingest_date}') latest
WHERE rn = 1;

INSERT OVERWRITE TABLE curated.subjects
SELECT subject_id, code, name, level, credits, updated_at
FROM (SELECT s.*, ROW_NUMBER() OVER (PARTITION BY subject_id ORDER BY ingest_date DESC, updated_at DESC) AS rn
      FROM raw.subjects s WHERE ingest_date <= '${hivevar:ingest_date}') latest
WHERE rn = 1;

INSERT OVERWRITE TABLE curated.companies
SELECT company_id, name, sector, city, region, kind, updated_at
FROM (SELECT c.*, ROW_NUMBER() OVER (PARTITION BY company_id ORDER BY ingest_date DESC, updated_at DESC) AS rn
      FROM raw.companies c WHERE ingest_date <= '${hivevar:ingest_date}') latest
WHERE rn = 1;

INSERT OVERWRITE TABLE curated.professors
SELECT sha2(concat(k.salt, ':professor:', CAST(p.professor_id AS STRING)), 256) AS professor_key,
       p.campus_id, p.speciality, year(p.hired_on) AS hired_year, p.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY professor_id ORDER BY ingest_date DESC, updated_at DESC) AS rn
      FROM raw.professors r WHERE ingest_date <= '${hivevar:ingest_date}') p
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE p.rn = 1;

INSERT OVERWRITE TABLE curated.students
SELECT sha2(concat(k.salt, ':student:', CAST(s.student_id AS STRING)), 256) AS student_key,
       s.gender,
       year(s.birth_date) AS birth_year,
       CASE WHEN floor(months_between(s.join_date, s.birth_date) / 12) < 18 THEN 'under 18'
            WHEN floor(months_between(s.join_date, s.birth_date) / 12) >= 21 THEN '21 and over'
            ELSE CAST(CAST(floor(months_between(s.join_date, s.birth_date) / 12) AS INT) AS STRING) END AS age_band,
       s.join_date, s.left_date, s.campus_id, c.region, s.promotion, s.institution_of_origin, s.status, s.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY student_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.students r WHERE ingest_date <= '${hivevar:ingest_date}') s
LEFT JOIN curated.campuses c ON c.campus_id = s.campus_id
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE s.rn = 1;

INSERT OVERWRITE TABLE curated.events
SELECT event_id, event_type, name, campus_id, event_date, city, updated_at
FROM (SELECT e.*, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.events e WHERE ingest_date <= '${hivevar:ingest_date}') latest
WHERE rn = 1;

INSERT OVERWRITE TABLE curated.contacts
SELECT sha2(concat(k.salt, ':contact:', CAST(a.audience_id AS STRING)), 256) AS contact_key,
       a.event_id, a.birth_year, a.city,
       CASE WHEN a.student_id IS NULL THEN NULL
            ELSE sha2(concat(k.salt, ':student:', CAST(a.student_id AS STRING)), 256) END AS student_key,
       a.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY audience_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.audiences r WHERE ingest_date <= '${hivevar:ingest_date}') a
LEFT JOIN raw.audiences_deleted gone ON gone.audience_id = a.audience_id AND gone.ingest_date >= a.ingest_date
  AND gone.ingest_date <= '${hivevar:ingest_date}'
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE a.rn = 1 AND gone.ingest_date IS NULL;

INSERT OVERWRITE TABLE curated.apprenticeships
SELECT a.apprenticeship_id, sha2(concat(k.salt, ':student:', CAST(a.student_id AS STRING)), 256) AS student_key,
       a.company_id, a.start_date, a.end_date, a.contract_type, a.updated_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY apprenticeship_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.apprenticeships r WHERE ingest_date <= '${hivevar:ingest_date}') a
LEFT JOIN raw.apprenticeships_deleted gone ON gone.apprenticeship_id = a.apprenticeship_id AND gone.ingest_date >= a.ingest_date
  AND gone.ingest_date <= '${hivevar:ingest_date}'
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE a.rn = 1 AND gone.ingest_date IS NULL;

INSERT OVERWRITE TABLE curated.lessons PARTITION (lesson_month)
SELECT l.lesson_id, l.subject_id, sha2(concat(k.salt, ':professor:', CAST(l.professor_id AS STRING)), 256) AS professor_key,
       l.campus_id, l.promotion, l.starts_at, l.duration_minutes, l.room, l.updated_at,
       date_format(l.starts_at, 'yyyy-MM') AS lesson_month
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY lesson_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.lessons r WHERE ingest_date <= '${hivevar:ingest_date}') l
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE l.rn = 1;

INSERT OVERWRITE TABLE curated.attendances PARTITION (lesson_month)
SELECT a.attendance_id, sha2(concat(k.salt, ':student:', CAST(a.student_id AS STRING)), 256) AS student_key,
       a.lesson_id, to_date(l.starts_at) AS lesson_date, a.status, a.updated_at,
       date_format(l.starts_at, 'yyyy-MM') AS lesson_month
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY attendance_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.attendances r WHERE ingest_date <= '${hivevar:ingest_date}') a
JOIN curated.lessons l ON l.lesson_id = a.lesson_id
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE a.rn = 1;

INSERT OVERWRITE TABLE curated.grades PARTITION (graded_month)
SELECT g.grade_id, sha2(concat(k.salt, ':student:', CAST(g.student_id AS STRING)), 256) AS student_key,
       g.subject_id, g.graded_on, g.grade, g.assessment, g.updated_at,
       date_format(g.graded_on, 'yyyy-MM') AS graded_month
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY grade_id ORDER BY updated_at DESC, ingest_date DESC) AS rn
      FROM raw.grades r WHERE ingest_date <= '${hivevar:ingest_date}') g
LEFT JOIN raw.grades_deleted gone ON gone.grade_id = g.grade_id AND gone.ingest_date >= g.ingest_date
  AND gone.ingest_date <= '${hivevar:ingest_date}'
CROSS JOIN (SELECT salt FROM secure.pseudonym_salt WHERE salt <> '') k
WHERE g.rn = 1 AND gone.ingest_date IS NULL;
