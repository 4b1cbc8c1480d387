-- What drives DPC: each category of each incident with its ENISA base (1 simple, 2 behavioural,
-- 3 financial or national id, 4 sensitive) and its persons verified, claimed and detected;
-- sets_dpc_base marks the categories with the incident's highest base.
-- uses incident_severity: report_date, incident_id, se
-- uses exposure_by_incident_category: report_date, incident_id, category, persons, persons_verified, persons_claimed, persons_detected
-- returns: severity_rank, incident_id, category, enisa_base, sets_dpc_base, persons, persons_verified, persons_claimed, persons_detected
WITH ranked AS (
  SELECT s.incident_id, ROW_NUMBER() OVER (ORDER BY s.se DESC, s.incident_id) AS severity_rank
  FROM incident_severity AS s
  WHERE s.report_date = (SELECT MAX(report_date) FROM incident_severity)
),
per_category AS (
  SELECT e.incident_id, e.category,
         CASE WHEN e.category IN ('HEALTH', 'OTHER_SENSITIVE') THEN 4
              WHEN e.category IN ('FINANCIAL', 'GOVERNMENT_ID') THEN 3
              WHEN e.category IN ('PURCHASE_HISTORY', 'LOCATION', 'CREDENTIALS') THEN 2
              ELSE 1 END AS enisa_base,
         MAX(e.persons) AS persons, MAX(e.persons_verified) AS persons_verified,
         MAX(e.persons_claimed) AS persons_claimed, MAX(e.persons_detected) AS persons_detected
  FROM exposure_by_incident_category AS e
  WHERE e.report_date = (SELECT MAX(report_date) FROM exposure_by_incident_category)
  GROUP BY e.incident_id, e.category
)
SELECT r.severity_rank, c.incident_id, c.category, c.enisa_base,
       c.enisa_base = MAX(c.enisa_base) OVER (PARTITION BY c.incident_id) AS sets_dpc_base,
       c.persons, c.persons_verified, c.persons_claimed, c.persons_detected
FROM per_category AS c
JOIN ranked AS r ON r.incident_id = c.incident_id
ORDER BY r.severity_rank, c.enisa_base DESC, c.category
