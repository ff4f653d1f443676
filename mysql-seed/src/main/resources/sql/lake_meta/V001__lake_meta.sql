-- Bookkeeping for the lake's MySQL side: which DDL files were applied, and the state of the ERP simulator.
-- Runs unchanged on MySQL 8.0 and MariaDB 10.6+. Applied by SchemaInstaller (or `mysql < file` on a cluster).
CREATE DATABASE IF NOT EXISTS lake_meta CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS lake_meta.schema_history (
  script      VARCHAR(200) NOT NULL COMMENT 'path of the DDL file, e.g. erp/V001__erp_tables.sql',
  checksum    CHAR(64)     NOT NULL COMMENT 'SHA-256 of the file as applied',
  applied_at  TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (script)
) ENGINE=InnoDB COMMENT='DDL files applied to this server';

CREATE TABLE IF NOT EXISTS lake_meta.erp_simulation (
  id                TINYINT      NOT NULL COMMENT 'always 1: one simulated ERP per server',
  scale_factor      DECIMAL(10,4) NOT NULL,
  seed              BIGINT       NOT NULL,
  start_date        DATE         NOT NULL COMMENT 'first day of the seeded academic year',
  history_start     DATE         NOT NULL COMMENT 'first simulated day (enrolment history)',
  clock_date        DATE         NOT NULL COMMENT 'last simulated day: the ERP is as of the end of this day',
  generator_version VARCHAR(20)  NOT NULL,
  fingerprint       CHAR(64)     NOT NULL COMMENT 'SHA-256 of the seeded rows, for comparing two seeds',
  seeded_at         TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
) ENGINE=InnoDB COMMENT='parameters and clock of the ERP simulator (lake seed / lake erp advance)';

CREATE TABLE IF NOT EXISTS lake_meta.erp_advance_log (
  sim_date      DATE      NOT NULL,
  rows_inserted INT       NOT NULL,
  rows_updated  INT       NOT NULL,
  ran_at        TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (sim_date)
) ENGINE=InnoDB COMMENT='one row per day simulated by lake erp advance';
