-- What Power BI and the dashboard read. For each KPI table, bi_history_* holds every published snapshot date
-- in the version summary.snapshot names for it (V004), and bi_* the latest date only (what Power BI loads); the
-- business column names are written once, in the history view. Dimensions: every row. bi_snapshots lists the
-- published dates. Replaces V005 (which replaced V003); older servers applied those.
-- The bi_reader account can SELECT on summary and nothing else.
-- Runs unchanged on MySQL 8.0 and MariaDB 10.6+. Idempotent.

CREATE OR REPLACE VIEW summary.live_snapshot AS
SELECT snapshot_date, version FROM summary.snapshot
WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM summary.snapshot);

CREATE OR REPLACE VIEW summary.bi_snapshots AS
SELECT snapshot_date AS `Snapshot Date`, published_at AS `Published At`, fact_rows AS `KPI Rows`
FROM summary.snapshot;

CREATE OR REPLACE VIEW summary.bi_region AS
SELECT region_key AS `Region Key`, region AS `Region` FROM summary.dim_region;

CREATE OR REPLACE VIEW summary.bi_campus AS
SELECT c.campus_key AS `Campus Key`, c.campus AS `Campus`, c.city AS `City`, c.region_key AS `Region Key`,
       r.region AS `Region`, c.opened_on AS `Opened On`
FROM summary.dim_campus c JOIN summary.dim_region r ON r.region_key = c.region_key;

CREATE OR REPLACE VIEW summary.bi_promotion AS
SELECT promotion_key AS `Promotion Key`, promotion AS `Promotion`, entry_year AS `Entry Year`
FROM summary.dim_promotion;

CREATE OR REPLACE VIEW summary.bi_company AS
SELECT company_key AS `Company Key`, company AS `Company`,
       CASE kind WHEN 'school' THEN 'Competing school' ELSE 'Company' END AS `Kind`,
       sector AS `Sector`, city AS `City`, region_key AS `Region Key`
FROM summary.dim_company;

CREATE OR REPLACE VIEW summary.bi_event AS
SELECT e.event_key AS `Event Key`, e.event AS `Event`, t.event_type AS `Event Type`, e.campus_key AS `Campus Key`,
       e.event_date_key AS `Date Key`, e.city AS `City`
FROM summary.dim_event e JOIN summary.dim_event_type t ON t.event_type_key = e.event_type_key;

CREATE OR REPLACE VIEW summary.bi_date AS
SELECT date_key AS `Date Key`, full_date AS `Date`, year AS `Year`, quarter AS `Quarter`, month AS `Month`,
       month_name AS `Month Name`, academic_year AS `Academic Year`
FROM summary.dim_date;

CREATE OR REPLACE VIEW summary.bi_history_student_kpis AS
SELECT k.snapshot_date AS `Snapshot Date`, k.student_key AS `Student Key`, k.campus_key AS `Campus Key`,
       k.region_key AS `Region Key`, k.promotion_key AS `Promotion Key`,
       k.institution_of_origin AS `Institution of Origin`,
       CASE k.status WHEN 'active' THEN 'Active' WHEN 'graduated' THEN 'Graduated' ELSE 'Dropped out' END AS `Status`,
       k.grade_count AS `Grades`, k.average_grade AS `Average Grade`, k.attendance_rate AS `Attendance Rate`,
       CASE WHEN k.recruited_at_event = 1 THEN 'Yes' ELSE 'No' END AS `Recruited at an Event`,
       CASE WHEN k.has_apprenticeship = 1 THEN 'Yes' ELSE 'No' END AS `Apprentice`
FROM summary.kpi_student k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_student_kpis AS
SELECT h.* FROM summary.bi_history_student_kpis h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_top_performers AS
SELECT k.snapshot_date AS `Snapshot Date`,
       CASE k.scope WHEN 'region' THEN 'Region' ELSE 'Institution of origin' END AS `Ranking Within`,
       k.scope_value AS `Group`, k.rank_in_scope AS `Rank`, k.student_key AS `Student Key`,
       k.average_grade AS `Average Grade`, k.grade_count AS `Grades`
FROM summary.kpi_top_performer k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_top_performers AS
SELECT h.* FROM summary.bi_history_top_performers h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_dropouts_by_campus AS
SELECT k.snapshot_date AS `Snapshot Date`, k.campus_key AS `Campus Key`, k.students AS `Students`,
       k.dropouts AS `Dropouts`, k.dropout_rate AS `Dropout Rate`
FROM summary.kpi_dropout_by_campus k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_dropouts_by_campus AS
SELECT h.* FROM summary.bi_history_dropouts_by_campus h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_dropouts_by_promotion AS
SELECT k.snapshot_date AS `Snapshot Date`, k.promotion_key AS `Promotion Key`, k.students AS `Students`,
       k.dropouts AS `Dropouts`, k.dropout_rate AS `Dropout Rate`
FROM summary.kpi_dropout_by_promotion k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_dropouts_by_promotion AS
SELECT h.* FROM summary.bi_history_dropouts_by_promotion h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_dropouts_by_attendance AS
SELECT k.snapshot_date AS `Snapshot Date`, k.attendance_band AS `Attendance Band`, k.students AS `Students`,
       k.dropouts AS `Dropouts`, k.dropout_rate AS `Dropout Rate`
FROM summary.kpi_dropout_by_attendance k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_dropouts_by_attendance AS
SELECT h.* FROM summary.bi_history_dropouts_by_attendance h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_active_students AS
SELECT k.snapshot_date AS `Snapshot Date`, k.region_key AS `Region Key`, k.month_date_key AS `Date Key`,
       k.active_students AS `Active Students`
FROM summary.kpi_active_students k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_active_students AS
SELECT h.* FROM summary.bi_history_active_students h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_apprenticeship_share AS
SELECT k.snapshot_date AS `Snapshot Date`, k.region_key AS `Region Key`, k.active_students AS `Active Students`,
       k.with_contract AS `Apprentices`, k.share AS `Apprentice Share`
FROM summary.kpi_apprenticeship_share k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_apprenticeship_share AS
SELECT h.* FROM summary.bi_history_apprenticeship_share h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_recruiters AS
SELECT k.snapshot_date AS `Snapshot Date`, k.company_key AS `Company Key`,
       CASE k.kind WHEN 'school' THEN 'Competing school' ELSE 'Company' END AS `Kind`,
       k.rank_in_kind AS `Rank`, k.students AS `Students Taken`, k.contracts AS `Contracts`
FROM summary.kpi_recruiter k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_recruiters AS
SELECT h.* FROM summary.bi_history_recruiters h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_event_conversion AS
SELECT k.snapshot_date AS `Snapshot Date`, k.event_key AS `Event Key`, k.campus_key AS `Campus Key`,
       k.contacts AS `Contacts`, k.converted AS `Enrolled`, k.conversion_rate AS `Conversion Rate`,
       k.median_days_to_enrol AS `Median Days to Enrol`
FROM summary.kpi_event_conversion k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_event_conversion AS
SELECT h.* FROM summary.bi_history_event_conversion h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_event_totals AS
SELECT k.snapshot_date AS `Snapshot Date`, t.event_type AS `Event Type`, k.campus_key AS `Campus Key`,
       k.events AS `Events`, k.contacts AS `Contacts`, k.converted AS `Enrolled`,
       k.conversion_rate AS `Conversion Rate`, k.median_days_to_enrol AS `Median Days to Enrol`
FROM summary.kpi_event_totals k JOIN summary.dim_event_type t ON t.event_type_key = k.event_type_key
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_event_totals AS
SELECT h.* FROM summary.bi_history_event_totals h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_time_to_hire AS
SELECT k.snapshot_date AS `Snapshot Date`, k.promotion_key AS `Promotion Key`, k.region_key AS `Region Key`,
       k.graduates AS `Graduates`, k.hired AS `Hired`, k.hire_rate AS `Hire Rate`,
       k.average_days AS `Average Days to Hire`, k.median_days AS `Median Days to Hire`
FROM summary.kpi_time_to_hire k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_time_to_hire AS
SELECT h.* FROM summary.bi_history_time_to_hire h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_campus_scorecard AS
SELECT k.snapshot_date AS `Snapshot Date`, k.campus_key AS `Campus Key`, k.academic_year AS `Academic Year`,
       k.enrolled AS `Enrolled`, k.students AS `Students`, k.dropouts AS `Dropouts`,
       k.dropout_rate AS `Dropout Rate`, k.attendance_rate AS `Attendance Rate`,
       k.enrolled_change AS `Enrolment Change`, k.dropout_rate_change AS `Dropout Rate Change`,
       k.attendance_rate_change AS `Attendance Rate Change`
FROM summary.kpi_campus_scorecard k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_campus_scorecard AS
SELECT h.* FROM summary.bi_history_campus_scorecard h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;

CREATE OR REPLACE VIEW summary.bi_history_enrolment_forecast AS
SELECT k.snapshot_date AS `Snapshot Date`, k.campus_key AS `Campus Key`, k.academic_year AS `Academic Year`,
       k.predicted_enrolment AS `Forecast Enrolment`, k.lower_bound AS `Forecast Low`,
       k.upper_bound AS `Forecast High`, k.trend_per_year AS `Trend per Year`,
       k.history_years AS `Years of History`, k.confidence AS `Confidence`
FROM summary.kpi_enrolment_forecast k
JOIN summary.snapshot s ON s.snapshot_date = k.snapshot_date AND s.version = k.version;

CREATE OR REPLACE VIEW summary.bi_enrolment_forecast AS
SELECT h.* FROM summary.bi_history_enrolment_forecast h
JOIN summary.live_snapshot l ON l.snapshot_date = h.`Snapshot Date`;
