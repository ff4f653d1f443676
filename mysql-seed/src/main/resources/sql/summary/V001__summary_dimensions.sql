-- The summary database that Power BI reads: conformed dimensions first; the KPI fact tables come with the
-- analytics jobs. Filled only by the pipeline's publish step. No direct identifiers ever land here.
-- Runs unchanged on MySQL 8.0 and MariaDB 10.6+. Idempotent.
CREATE DATABASE IF NOT EXISTS summary CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS summary.dim_region (
  region_key  INT         NOT NULL,
  region      VARCHAR(60) NOT NULL,
  PRIMARY KEY (region_key),
  UNIQUE KEY uk_dim_region_region (region)
) ENGINE=InnoDB COMMENT='French administrative regions where the school has campuses';

CREATE TABLE IF NOT EXISTS summary.dim_campus (
  campus_key  INT         NOT NULL COMMENT 'the ERP campus_id',
  campus      VARCHAR(80) NOT NULL,
  city        VARCHAR(80) NOT NULL,
  region_key  INT         NOT NULL,
  opened_on   DATE        NOT NULL,
  PRIMARY KEY (campus_key),
  KEY ix_dim_campus_region (region_key),
  CONSTRAINT fk_dim_campus_region FOREIGN KEY (region_key) REFERENCES summary.dim_region (region_key)
) ENGINE=InnoDB COMMENT='school sites';

CREATE TABLE IF NOT EXISTS summary.dim_date (
  date_key       INT         NOT NULL COMMENT 'yyyymmdd',
  full_date      DATE        NOT NULL,
  year           SMALLINT    NOT NULL,
  quarter        TINYINT     NOT NULL,
  month          TINYINT     NOT NULL,
  month_name     VARCHAR(10) NOT NULL,
  day_of_month   TINYINT     NOT NULL,
  iso_weekday    TINYINT     NOT NULL COMMENT '1 = Monday',
  is_weekend     TINYINT     NOT NULL,
  academic_year  VARCHAR(9)  NOT NULL COMMENT 'e.g. 2025-2026; starts on 1 September',
  PRIMARY KEY (date_key),
  UNIQUE KEY uk_dim_date_full_date (full_date),
  KEY ix_dim_date_academic_year (academic_year)
) ENGINE=InnoDB COMMENT='calendar 2015-2035';

-- The calendar is pure arithmetic, so it is filled here (idempotently) rather than by a job.
-- A cross join of digits instead of a recursive CTE: MySQL stops recursion at 1000 rows by default.
INSERT IGNORE INTO summary.dim_date
  (date_key, full_date, year, quarter, month, month_name, day_of_month, iso_weekday, is_weekend, academic_year)
SELECT CAST(DATE_FORMAT(d, '%Y%m%d') AS UNSIGNED), d, YEAR(d), QUARTER(d), MONTH(d), DATE_FORMAT(d, '%M'),
       DAYOFMONTH(d), WEEKDAY(d) + 1, WEEKDAY(d) >= 5,
       CASE WHEN MONTH(d) >= 9 THEN CONCAT(YEAR(d), '-', YEAR(d) + 1) ELSE CONCAT(YEAR(d) - 1, '-', YEAR(d)) END
FROM (
  SELECT DATE_ADD('2015-01-01', INTERVAL (u.n + 10 * t.n + 100 * h.n + 1000 * k.n) DAY) AS d
  FROM (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) u
  CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) t
  CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) h
  CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) k
) calendar
WHERE d <= '2035-12-31';
