-- The KPI star: dimensions the publish step keeps up to date (type 1: the latest attributes), and one fact table
-- per KPI family, keyed by the snapshot date D the KPIs were computed for. A snapshot is published as a whole by
-- the analytics job: staged in summary_stage, then switched into these tables in one transaction.
-- No direct identifiers: students appear only by their salted pseudonymous key.
-- Runs unchanged on MySQL 8.0 and MariaDB 10.6+. Idempotent.

CREATE DATABASE IF NOT EXISTS summary_stage CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS summary.dim_promotion (
  promotion_key  SMALLINT    NOT NULL COMMENT 'graduation year of the cohort',
  promotion      VARCHAR(20) NOT NULL COMMENT 'e.g. Class of 2027',
  entry_year     SMALLINT    NOT NULL COMMENT 'the academic year the cohort starts (three years of study)',
  PRIMARY KEY (promotion_key)
) ENGINE=InnoDB COMMENT='student cohorts';

CREATE TABLE IF NOT EXISTS summary.dim_event_type (
  event_type_key VARCHAR(12) NOT NULL,
  event_type     VARCHAR(40) NOT NULL,
  PRIMARY KEY (event_type_key)
) ENGINE=InnoDB COMMENT='kinds of recruiting events';

INSERT IGNORE INTO summary.dim_event_type (event_type_key, event_type) VALUES
  ('open_day', 'Open day'), ('fair', 'Education fair');

CREATE TABLE IF NOT EXISTS summary.dim_company (
  company_key  INT          NOT NULL COMMENT 'the ERP company_id',
  company      VARCHAR(120) NOT NULL,
  kind         VARCHAR(8)   NOT NULL COMMENT 'company | school (a competing school)',
  sector       VARCHAR(60)  NOT NULL,
  city         VARCHAR(80)  NOT NULL,
  region_key   INT          NOT NULL,
  PRIMARY KEY (company_key),
  KEY ix_dim_company_region (region_key),
  CONSTRAINT fk_dim_company_region FOREIGN KEY (region_key) REFERENCES summary.dim_region (region_key)
) ENGINE=InnoDB COMMENT='host companies and competing schools (organisations)';

CREATE TABLE IF NOT EXISTS summary.dim_event (
  event_key      INT          NOT NULL COMMENT 'the ERP event_id',
  event          VARCHAR(120) NOT NULL,
  event_type_key VARCHAR(12)  NOT NULL,
  campus_key     INT          NOT NULL,
  event_date_key INT          NOT NULL,
  city           VARCHAR(80)  NOT NULL,
  PRIMARY KEY (event_key),
  KEY ix_dim_event_campus (campus_key),
  CONSTRAINT fk_dim_event_type FOREIGN KEY (event_type_key) REFERENCES summary.dim_event_type (event_type_key),
  CONSTRAINT fk_dim_event_campus FOREIGN KEY (campus_key) REFERENCES summary.dim_campus (campus_key),
  CONSTRAINT fk_dim_event_date FOREIGN KEY (event_date_key) REFERENCES summary.dim_date (date_key)
) ENGINE=InnoDB COMMENT='open days and fairs';

CREATE TABLE IF NOT EXISTS summary.snapshot (
  snapshot_date  DATE      NOT NULL,
  published_at   TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  fact_rows      INT       NOT NULL COMMENT 'rows of every KPI table for this date',
  PRIMARY KEY (snapshot_date)
) ENGINE=InnoDB COMMENT='published snapshots: a date is here only when all its KPI tables are';

-- KPI 1
CREATE TABLE IF NOT EXISTS summary.kpi_student (
  snapshot_date          DATE         NOT NULL,
  student_key            CHAR(64)     NOT NULL COMMENT 'salted SHA-256 pseudonym',
  campus_key             INT          NOT NULL,
  region_key             INT          NOT NULL,
  promotion_key          SMALLINT     NOT NULL,
  institution_of_origin  VARCHAR(120) NOT NULL,
  status                 VARCHAR(12)  NOT NULL COMMENT 'active | graduated | dropped_out',
  grade_count            INT          NOT NULL,
  average_grade          DECIMAL(5,2) NULL,
  attendance_rate        DECIMAL(5,4) NULL COMMENT 'present / (present + absent); excused lessons left out',
  recruited_at_event     TINYINT      NOT NULL,
  has_apprenticeship     TINYINT      NOT NULL,
  PRIMARY KEY (snapshot_date, student_key),
  KEY ix_kpi_student_campus (snapshot_date, campus_key),
  KEY ix_kpi_student_region (snapshot_date, region_key)
) ENGINE=InnoDB COMMENT='KPI 1: per student';

-- KPI 2
CREATE TABLE IF NOT EXISTS summary.kpi_top_performer (
  snapshot_date  DATE         NOT NULL,
  scope          VARCHAR(12)  NOT NULL COMMENT 'region | institution (of origin)',
  scope_value    VARCHAR(120) NOT NULL,
  rank_in_scope  SMALLINT     NOT NULL,
  student_key    CHAR(64)     NOT NULL,
  average_grade  DECIMAL(5,2) NOT NULL,
  grade_count    INT          NOT NULL,
  PRIMARY KEY (snapshot_date, scope, scope_value, rank_in_scope)
) ENGINE=InnoDB COMMENT='KPI 2: top students by average grade within each region and institution of origin';

-- KPI 3
CREATE TABLE IF NOT EXISTS summary.kpi_dropout_by_campus (
  snapshot_date  DATE         NOT NULL,
  campus_key     INT          NOT NULL,
  students       INT          NOT NULL,
  dropouts       INT          NOT NULL,
  dropout_rate   DECIMAL(5,4) NOT NULL,
  PRIMARY KEY (snapshot_date, campus_key)
) ENGINE=InnoDB COMMENT='KPI 3: dropout rate by campus';

CREATE TABLE IF NOT EXISTS summary.kpi_dropout_by_promotion (
  snapshot_date  DATE         NOT NULL,
  promotion_key  SMALLINT     NOT NULL,
  students       INT          NOT NULL,
  dropouts       INT          NOT NULL,
  dropout_rate   DECIMAL(5,4) NOT NULL,
  PRIMARY KEY (snapshot_date, promotion_key)
) ENGINE=InnoDB COMMENT='KPI 3: dropout rate by promotion';

CREATE TABLE IF NOT EXISTS summary.kpi_dropout_by_attendance (
  snapshot_date    DATE         NOT NULL,
  attendance_band  VARCHAR(10)  NOT NULL COMMENT '< 50 %, 50-75 %, 75-90 %, >= 90 %',
  students         INT          NOT NULL,
  dropouts         INT          NOT NULL,
  dropout_rate     DECIMAL(5,4) NOT NULL,
  PRIMARY KEY (snapshot_date, attendance_band)
) ENGINE=InnoDB COMMENT='KPI 3: dropout rate by attendance band';

-- KPI 4
CREATE TABLE IF NOT EXISTS summary.kpi_active_students (
  snapshot_date    DATE    NOT NULL,
  region_key       INT     NOT NULL,
  month_date_key   INT     NOT NULL COMMENT 'the last day of the month (dim_date)',
  active_students  INT     NOT NULL,
  PRIMARY KEY (snapshot_date, region_key, month_date_key)
) ENGINE=InnoDB COMMENT='KPI 4: active students per region at the end of each month';

-- KPI 5
CREATE TABLE IF NOT EXISTS summary.kpi_apprenticeship_share (
  snapshot_date    DATE         NOT NULL,
  region_key       INT          NOT NULL,
  active_students  INT          NOT NULL,
  with_contract    INT          NOT NULL COMMENT 'under an apprenticeship contract on the snapshot date',
  share            DECIMAL(5,4) NOT NULL,
  PRIMARY KEY (snapshot_date, region_key)
) ENGINE=InnoDB COMMENT='KPI 5: share of active students under an apprenticeship contract, by region';

CREATE TABLE IF NOT EXISTS summary.kpi_recruiter (
  snapshot_date  DATE       NOT NULL,
  company_key    INT        NOT NULL,
  kind           VARCHAR(8) NOT NULL COMMENT 'company | school (a competing school)',
  rank_in_kind   INT        NOT NULL,
  students       INT        NOT NULL COMMENT 'distinct students who signed a contract with it',
  contracts      INT        NOT NULL,
  PRIMARY KEY (snapshot_date, company_key),
  KEY ix_kpi_recruiter_rank (snapshot_date, kind, rank_in_kind)
) ENGINE=InnoDB COMMENT='KPI 5: companies and competing schools ranked by the students they take';

-- KPI 6
CREATE TABLE IF NOT EXISTS summary.kpi_event_conversion (
  snapshot_date         DATE         NOT NULL,
  event_key             INT          NOT NULL,
  event_type_key        VARCHAR(12)  NOT NULL,
  campus_key            INT          NOT NULL,
  contacts              INT          NOT NULL,
  converted             INT          NOT NULL COMMENT 'contacts who became students',
  conversion_rate       DECIMAL(5,4) NULL,
  median_days_to_enrol  DECIMAL(6,1) NULL,
  PRIMARY KEY (snapshot_date, event_key)
) ENGINE=InnoDB COMMENT='KPI 6: per event';

CREATE TABLE IF NOT EXISTS summary.kpi_event_totals (
  snapshot_date         DATE         NOT NULL,
  event_type_key        VARCHAR(12)  NOT NULL,
  campus_key            INT          NOT NULL,
  events                INT          NOT NULL,
  contacts              INT          NOT NULL,
  converted             INT          NOT NULL,
  conversion_rate       DECIMAL(5,4) NULL,
  median_days_to_enrol  DECIMAL(6,1) NULL COMMENT 'over the converted contacts, not a median of medians',
  PRIMARY KEY (snapshot_date, event_type_key, campus_key)
) ENGINE=InnoDB COMMENT='KPI 6: by event type and campus';

-- KPI 7
CREATE TABLE IF NOT EXISTS summary.kpi_time_to_hire (
  snapshot_date  DATE         NOT NULL,
  promotion_key  SMALLINT     NOT NULL,
  region_key     INT          NOT NULL,
  graduates      INT          NOT NULL,
  hired          INT          NOT NULL COMMENT 'with a permanent or fixed-term job started since graduating',
  hire_rate      DECIMAL(5,4) NOT NULL,
  average_days   DECIMAL(7,1) NULL,
  median_days    DECIMAL(7,1) NULL,
  PRIMARY KEY (snapshot_date, promotion_key, region_key)
) ENGINE=InnoDB COMMENT='KPI 7: days from graduation to the first job';

-- KPI 8
CREATE TABLE IF NOT EXISTS summary.kpi_campus_scorecard (
  snapshot_date           DATE         NOT NULL,
  campus_key              INT          NOT NULL,
  academic_year           VARCHAR(9)   NOT NULL COMMENT 'e.g. 2025-2026',
  enrolled                INT          NOT NULL COMMENT 'students who joined that year',
  students                INT          NOT NULL COMMENT 'students on the rolls at some point of the year',
  dropouts                INT          NOT NULL,
  dropout_rate            DECIMAL(5,4) NULL,
  attendance_rate         DECIMAL(5,4) NULL,
  enrolled_change         INT          NULL COMMENT 'from the previous academic year',
  dropout_rate_change     DECIMAL(5,4) NULL,
  attendance_rate_change  DECIMAL(5,4) NULL,
  PRIMARY KEY (snapshot_date, campus_key, academic_year)
) ENGINE=InnoDB COMMENT='KPI 8: enrolment, attendance and dropout trends per campus and academic year';

-- KPI 9
CREATE TABLE IF NOT EXISTS summary.kpi_enrolment_forecast (
  snapshot_date        DATE         NOT NULL,
  campus_key           INT          NOT NULL,
  academic_year        VARCHAR(9)   NOT NULL COMMENT 'the year forecast',
  predicted_enrolment  DECIMAL(8,1) NOT NULL,
  lower_bound          DECIMAL(8,1) NOT NULL,
  upper_bound          DECIMAL(8,1) NOT NULL,
  trend_per_year       DECIMAL(8,1) NOT NULL,
  history_years        SMALLINT     NOT NULL,
  confidence           DECIMAL(3,2) NOT NULL COMMENT 'of the prediction interval',
  PRIMARY KEY (snapshot_date, campus_key)
) ENGINE=InnoDB COMMENT='KPI 9: next academic year enrolment per campus (linear trend, Spark MLlib)';
