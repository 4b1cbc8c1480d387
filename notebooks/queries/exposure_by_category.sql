-- Persons exposed per incident and data category, verified (valid value) against claimed (value
-- present but failing its check) and detected (found in free text); suppressed when one of these
-- counts is below the minimum cell size (null). The per-incident counts repeat
-- on every customer-scope row of the report, so they are taken once per incident and category.
-- uses exposure_by_incident_category: report_date, incident_id, organisation, category, records, persons, persons_verified, persons_claimed, persons_detected
-- returns: incident_id, organisation, category, records, persons, persons_verified, persons_claimed, persons_detected, verified_share, suppressed
WITH per_incident AS (
  SELECT e.incident_id, MAX(e.organisation) AS organisation, e.category,
         MAX(e.records) AS records, MAX(e.persons) AS persons,
         MAX(e.persons_verified) AS persons_verified, MAX(e.persons_claimed) AS persons_claimed,
         MAX(e.persons_detected) AS persons_detected,
         MAX(CASE WHEN e.persons IS NULL OR e.persons_verified IS NULL OR e.persons_claimed IS NULL
                  OR e.persons_detected IS NULL THEN 1 ELSE 0 END) = 1 AS suppressed
  FROM exposure_by_incident_category AS e
  WHERE e.report_date = (SELECT MAX(report_date) FROM exposure_by_incident_category)
  GROUP BY e.incident_id, e.category
)
SELECT p.incident_id, p.organisation, p.category, p.records, p.persons,
       p.persons_verified, p.persons_claimed, p.persons_detected,
       CASE WHEN p.persons > 0 THEN ROUND(CAST(p.persons_verified AS DOUBLE) / p.persons, 4) END AS verified_share,
       p.suppressed
FROM per_incident AS p
ORDER BY p.incident_id, p.category
