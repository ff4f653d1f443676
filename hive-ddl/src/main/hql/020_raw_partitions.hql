-- GENERATED from the table catalog (ingestion/src/main/resources/catalog/erp-tables.yaml)
-- by org.campuslake.ingest.catalog.HiveRawDdl: do not edit by hand. After changing the catalog, run
--   UPDATE_GENERATED=1 mvn -pl hive-ddl -am test -Dtest=GeneratedHqlTest
-- Registers the raw partitions of one ingest date (idempotent).
-- Parameters: ${hivevar:lake_root}, ${hivevar:ingest_date}

ALTER TABLE raw.campuses ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/campuses/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.subjects ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/subjects/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.professors ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/professors/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.companies ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/companies/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.students ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/students/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.events ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/events/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.audiences ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/audiences/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.apprenticeships ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/apprenticeships/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.lessons ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/lessons/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.attendances ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/attendances/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.grades ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/erp/grades/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.audiences_deleted ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/deleted/erp/audiences/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.apprenticeships_deleted ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/deleted/erp/apprenticeships/ingest_date=${hivevar:ingest_date}';

ALTER TABLE raw.grades_deleted ADD IF NOT EXISTS PARTITION (ingest_date = '${hivevar:ingest_date}')
  LOCATION '${hivevar:lake_root}/raw/deleted/erp/grades/ingest_date=${hivevar:ingest_date}';
