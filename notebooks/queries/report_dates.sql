-- Which report dates exist for each report, and which one the other queries read (the latest).
-- uses incident_severity: report_date
-- uses exposure_by_incident_category: report_date
-- uses person_exposure: report_date
-- uses customer_risk: report_date
-- uses incident_overlap: report_date
-- uses group_overlap: report_date
-- returns: report, report_date, row_count, is_latest
WITH dated AS (
  SELECT 'incident_severity' AS report, report_date FROM incident_severity
  UNION ALL
  SELECT 'exposure_by_incident_category' AS report, report_date FROM exposure_by_incident_category
  UNION ALL
  SELECT 'person_exposure' AS report, report_date FROM person_exposure
  UNION ALL
  SELECT 'customer_risk' AS report, report_date FROM customer_risk
  UNION ALL
  SELECT 'incident_overlap' AS report, report_date FROM incident_overlap
  UNION ALL
  SELECT 'group_overlap' AS report, report_date FROM group_overlap
),
counted AS (
  SELECT d.report, d.report_date, COUNT(*) AS row_count
  FROM dated AS d
  GROUP BY d.report, d.report_date
)
SELECT c.report, c.report_date, c.row_count,
       c.report_date = MAX(c.report_date) OVER (PARTITION BY c.report) AS is_latest
FROM counted AS c
ORDER BY c.report, c.report_date
