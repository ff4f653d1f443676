-- Lab 8's reference solution (the tests apply it; the sheet does not give it whole).
CREATE DATABASE IF NOT EXISTS lab08;

CREATE VIEW lab08.dropouts_by_campus AS
SELECT campus_id,
       COUNT(*) AS students,
       SUM(IF(status = 'dropped_out', 1, 0)) AS dropouts,
       ROUND(SUM(IF(status = 'dropped_out', 1, 0)) / COUNT(*), 4) AS dropout_rate
FROM curated.students
GROUP BY campus_id;
