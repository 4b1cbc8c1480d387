-- How many incidents, and persons in them, fall in each ENISA level (persons summed over incidents:
-- a person in two incidents counts twice here; person_risk_levels counts persons once).
-- uses incident_severity: report_date, level, persons, art34_required
-- returns: level_order, level, incidents, persons, art34_incidents
SELECT CASE s.level WHEN 'very high' THEN 1 WHEN 'high' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END AS level_order,
       s.level,
       COUNT(*) AS incidents,
       CAST(SUM(s.persons) AS BIGINT) AS persons,
       CAST(SUM(CASE WHEN s.art34_required THEN 1 ELSE 0 END) AS BIGINT) AS art34_incidents
FROM incident_severity AS s
WHERE s.report_date = (SELECT MAX(report_date) FROM incident_severity)
GROUP BY s.level
ORDER BY level_order, s.level
