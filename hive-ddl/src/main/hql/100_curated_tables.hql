-- Curated layer: one EXTERNAL, columnar (Parquet) table per ERP entity, holding the latest version of each row as
-- of the run date, typed and pseudonymised. No direct identifier lands here: no names, e-mails, phone numbers or
-- exact birth dates; students, contacts and professors are known by a salted SHA-256 key.
-- Parameters: ${hivevar:lake_root}, ${hivevar:salt_dir} (the folder holding the pseudonymisation salt: a secret,
-- readable by the ETL account only; the salt itself never appears in a script or on a command line).
-- Runs unchanged on HiveServer2 and on Spark SQL. Idempotent.

CREATE DATABASE IF NOT EXISTS secure COMMENT 'Restricted to the ETL account: the pseudonymisation salt';

CREATE EXTERNAL TABLE IF NOT EXISTS secure.pseudonym_salt (salt STRING)
COMMENT 'one line: the secret salt of every pseudonymous key'
STORED AS TEXTFILE
LOCATION '${hivevar:salt_dir}';

CREATE DATABASE IF NOT EXISTS curated COMMENT 'Latest version of each ERP row, typed and pseudonymised: what analysts and the KPI jobs read';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.campuses (
  campus_id INT, name STRING, city STRING, region STRING, opened_on DATE, capacity INT, updated_at TIMESTAMP
)
COMMENT 'school sites' STORED AS PARQUET LOCATION '${hivevar:lake_root}/curated/campuses';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.subjects (
  subject_id INT, code STRING, name STRING, level INT, credits INT, updated_at TIMESTAMP
)
COMMENT 'taught subjects' STORED AS PARQUET LOCATION '${hivevar:lake_root}/curated/subjects';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.companies (
  company_id INT, name STRING, sector STRING, city STRING, region STRING, kind STRING, updated_at TIMESTAMP
)
COMMENT 'host companies and competing schools (organisations, not people)' STORED AS PARQUET
LOCATION '${hivevar:lake_root}/curated/companies';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.professors (
  professor_key STRING COMMENT 'salted SHA-256 of the ERP professor_id',
  campus_id INT, speciality STRING, hired_year INT, updated_at TIMESTAMP
)
COMMENT 'teaching staff, pseudonymised' STORED AS PARQUET LOCATION '${hivevar:lake_root}/curated/professors';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.students (
  student_key STRING COMMENT 'salted SHA-256 of the ERP student_id',
  gender STRING,
  birth_year INT COMMENT 'year only: never the exact birth date',
  age_band STRING COMMENT 'age when joining: under 18, 18, 19, 20, 21 and over',
  join_date DATE, left_date DATE, campus_id INT, region STRING, promotion INT,
  institution_of_origin STRING COMMENT 'the lycee attended before (an institution, not a person)',
  status STRING, updated_at TIMESTAMP
)
COMMENT 'students, pseudonymised' STORED AS PARQUET LOCATION '${hivevar:lake_root}/curated/students';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.events (
  event_id INT, event_type STRING, name STRING, campus_id INT, event_date DATE, city STRING, updated_at TIMESTAMP
)
COMMENT 'open days and fairs' STORED AS PARQUET LOCATION '${hivevar:lake_root}/curated/events';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.contacts (
  contact_key STRING COMMENT 'salted SHA-256 of the ERP audience_id',
  event_id INT, birth_year INT, city STRING,
  student_key STRING COMMENT 'the student this contact became, if any',
  updated_at TIMESTAMP
)
COMMENT 'people met at events (erp.audiences), pseudonymised' STORED AS PARQUET
LOCATION '${hivevar:lake_root}/curated/contacts';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.apprenticeships (
  apprenticeship_id INT, student_key STRING, company_id INT, start_date DATE, end_date DATE, contract_type STRING,
  updated_at TIMESTAMP
)
COMMENT 'apprenticeships, internships and jobs after graduation' STORED AS PARQUET
LOCATION '${hivevar:lake_root}/curated/apprenticeships';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.lessons (
  lesson_id BIGINT, subject_id INT, professor_key STRING, campus_id INT, promotion INT, starts_at TIMESTAMP,
  duration_minutes INT, room STRING, updated_at TIMESTAMP
)
COMMENT 'class sessions' PARTITIONED BY (lesson_month STRING) STORED AS PARQUET
LOCATION '${hivevar:lake_root}/curated/lessons';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.attendances (
  attendance_id BIGINT, student_key STRING, lesson_id BIGINT, lesson_date DATE, status STRING, updated_at TIMESTAMP
)
COMMENT 'presence per student and lesson (latest status: absences may be excused later)'
PARTITIONED BY (lesson_month STRING) STORED AS PARQUET LOCATION '${hivevar:lake_root}/curated/attendances';

CREATE EXTERNAL TABLE IF NOT EXISTS curated.grades (
  grade_id BIGINT, student_key STRING, subject_id INT, graded_on DATE, grade DECIMAL(5,2), assessment STRING,
  updated_at TIMESTAMP
)
COMMENT 'assessment results (latest value: corrections replace the grade)'
PARTITIONED BY (graded_month STRING) STORED AS PARQUET LOCATION '${hivevar:lake_root}/curated/grades';
