-- Versioned snapshots: a publish writes a date's rows once, under a new version, and makes them visible by
-- flipping that date's row in summary.snapshot; the bi_* views (V005) show only the version it names. Rows of
-- other versions are a publish in progress, a failed one or a superseded one, and are deleted by the publisher.
-- Rows published before this file are version 0, which their snapshot row names.
-- Runs unchanged on MySQL 8.0 and MariaDB 10.6+.

ALTER TABLE summary.snapshot
  ADD COLUMN version INT NOT NULL DEFAULT 0 COMMENT 'the version of this date''s rows that readers see' AFTER snapshot_date;

ALTER TABLE summary.kpi_student ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, student_key);

ALTER TABLE summary.kpi_top_performer ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, scope, scope_value, rank_in_scope);

ALTER TABLE summary.kpi_dropout_by_campus ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, campus_key);

ALTER TABLE summary.kpi_dropout_by_promotion ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, promotion_key);

ALTER TABLE summary.kpi_dropout_by_attendance ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, attendance_band);

ALTER TABLE summary.kpi_active_students ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, region_key, month_date_key);

ALTER TABLE summary.kpi_apprenticeship_share ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, region_key);

ALTER TABLE summary.kpi_recruiter ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, company_key);

ALTER TABLE summary.kpi_event_conversion ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, event_key);

ALTER TABLE summary.kpi_event_totals ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, event_type_key, campus_key);

ALTER TABLE summary.kpi_time_to_hire ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, promotion_key, region_key);

ALTER TABLE summary.kpi_campus_scorecard ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, campus_key, academic_year);

ALTER TABLE summary.kpi_enrolment_forecast ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER snapshot_date,
  DROP PRIMARY KEY, ADD PRIMARY KEY (snapshot_date, version, campus_key);
