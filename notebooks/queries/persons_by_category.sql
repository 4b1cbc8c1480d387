-- Persons exposed per data category, each person counted once across every incident (person_exposure
-- holds the union of a person's categories). Counts below 10, the default minimum cell size, are null.
-- uses person_exposure: report_date, categories, level
-- uses exposure_by_incident_category: report_date, category
-- returns: category, persons, persons_high_or_very_high
WITH people AS (
  SELECT p.categories, p.level
  FROM person_exposure AS p
  WHERE p.report_date = (SELECT MAX(report_date) FROM person_exposure)
),
codes AS (
  SELECT DISTINCT e.category
  FROM exposure_by_incident_category AS e
  WHERE e.report_date = (SELECT MAX(report_date) FROM exposure_by_incident_category)
),
counted AS (
  SELECT c.category, COUNT(*) AS n_persons,
         SUM(CASE WHEN p.level IN ('high', 'very high') THEN 1 ELSE 0 END) AS n_high
  FROM codes AS c
  JOIN people AS p ON array_contains(p.categories, c.category)
  GROUP BY c.category
)
SELECT k.category,
       CASE WHEN k.n_persons >= 10 THEN k.n_persons END AS persons,
       CASE WHEN k.n_high >= 10 OR k.n_high = 0 THEN CAST(k.n_high AS BIGINT) END AS persons_high_or_very_high
FROM counted AS k
ORDER BY k.category
