-- GENERATED from the table catalog (ingestion/src/main/resources/catalog/erp-tables.yaml)
-- by org.campuslake.ingest.catalog.HiveRawDdl: do not edit by hand. After changing the catalog, run
--   UPDATE_GENERATED=1 mvn -pl hive-ddl -am test -Dtest=GeneratedHqlTest
-- Raw layer: the validated records of each ingest date (text, \001-separated, \N for NULL, a backslash escaping
-- \, \001, newline and carriage return inside values).
-- Parameters: ${hivevar:lake_root}

CREATE DATABASE IF NOT EXISTS raw COMMENT 'ERP records as imported and validated, one partition per ingest date';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.campuses (
  campus_id INT,
  name STRING,
  city STRING,
  region STRING,
  opened_on DATE,
  capacity INT,
  updated_at TIMESTAMP
)
COMMENT 'erp.campuses, full import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/campuses';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.subjects (
  subject_id INT,
  code STRING,
  name STRING,
  level INT,
  credits INT,
  updated_at TIMESTAMP
)
COMMENT 'erp.subjects, full import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/subjects';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.professors (
  professor_id INT,
  first_name STRING,
  last_name STRING,
  email STRING,
  campus_id INT,
  speciality STRING,
  hired_on DATE,
  updated_at TIMESTAMP
)
COMMENT 'erp.professors, full import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/professors';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.companies (
  company_id INT,
  name STRING,
  sector STRING,
  city STRING,
  region STRING,
  kind STRING,
  updated_at TIMESTAMP
)
COMMENT 'erp.companies, full import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/companies';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.students (
  student_id INT,
  first_name STRING,
  last_name STRING,
  school_email STRING,
  personal_email STRING,
  gender STRING,
  birth_date DATE,
  join_date DATE,
  left_date DATE,
  campus_id INT,
  promotion INT,
  institution_of_origin STRING,
  status STRING,
  updated_at TIMESTAMP
)
COMMENT 'erp.students, lastmodified import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/students';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.events (
  event_id INT,
  event_type STRING,
  name STRING,
  campus_id INT,
  event_date DATE,
  city STRING,
  updated_at TIMESTAMP
)
COMMENT 'erp.events, append import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/events';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.audiences (
  audience_id INT,
  event_id INT,
  first_name STRING,
  last_name STRING,
  email STRING,
  phone STRING,
  birth_year INT,
  city STRING,
  student_id INT,
  updated_at TIMESTAMP
)
COMMENT 'erp.audiences, lastmodified import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/audiences';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.apprenticeships (
  apprenticeship_id INT,
  student_id INT,
  company_id INT,
  start_date DATE,
  end_date DATE,
  contract_type STRING,
  updated_at TIMESTAMP
)
COMMENT 'erp.apprenticeships, lastmodified import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/apprenticeships';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.lessons (
  lesson_id BIGINT,
  subject_id INT,
  professor_id INT,
  campus_id INT,
  promotion INT,
  starts_at TIMESTAMP,
  duration_minutes INT,
  room STRING,
  updated_at TIMESTAMP
)
COMMENT 'erp.lessons, append import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/lessons';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.attendances (
  attendance_id BIGINT,
  student_id INT,
  lesson_id BIGINT,
  status STRING,
  updated_at TIMESTAMP
)
COMMENT 'erp.attendances, lastmodified import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/attendances';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.grades (
  grade_id BIGINT,
  student_id INT,
  subject_id INT,
  graded_on DATE,
  grade DECIMAL(5,2),
  assessment STRING,
  updated_at TIMESTAMP
)
COMMENT 'erp.grades, lastmodified import'
PARTITIONED BY (ingest_date STRING)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES ('field.delim' = '\001', 'escape.delim' = '\\', 'serialization.escape.crlf' = 'true', 'serialization.null.format' = '\\N')
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/erp/grades';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.audiences_deleted (
  audience_id INT
)
COMMENT 'keys erp.audiences lost (hard deletes), by the ingest date whose reconciliation found them'
PARTITIONED BY (ingest_date STRING)
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/deleted/erp/audiences';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.apprenticeships_deleted (
  apprenticeship_id INT
)
COMMENT 'keys erp.apprenticeships lost (hard deletes), by the ingest date whose reconciliation found them'
PARTITIONED BY (ingest_date STRING)
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/deleted/erp/apprenticeships';

CREATE EXTERNAL TABLE IF NOT EXISTS raw.grades_deleted (
  grade_id BIGINT
)
COMMENT 'keys erp.grades lost (hard deletes), by the ingest date whose reconciliation found them'
PARTITIONED BY (ingest_date STRING)
STORED AS TEXTFILE
LOCATION '${hivevar:lake_root}/raw/deleted/erp/grades';
