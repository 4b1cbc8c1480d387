-- Risk-level distribution of every exposed person (customers or not), each counted once across all
-- incidents, with how many of them several incidents touched. Counts below 10 are null.
-- uses person_exposure: report_date, level, se, incident_count
-- returns: level_order, level, persons, persons_in_several_incidents, min_se, max_se
WITH counted AS (
  SELECT CASE p.level WHEN 'very high' THEN 1 WHEN 'high' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END AS level_order,
         p.level, COUNT(*) AS n_persons,
         SUM(CASE WHEN p.incident_count > 1 THEN 1 ELSE 0 END) AS n_multi,
         MIN(p.se) AS min_se, MAX(p.se) AS max_se
  FROM person_exposure AS p
  WHERE p.report_date = (SELECT MAX(report_date) FROM person_exposure)
  GROUP BY p.level
)
SELECT k.level_order, k.level,
       CASE WHEN k.n_persons >= 10 THEN k.n_persons END AS persons,
       CASE WHEN k.n_multi >= 10 OR k.n_multi = 0 THEN CAST(k.n_multi AS BIGINT) END AS persons_in_several_incidents,
       k.min_se, k.max_se
FROM counted AS k
ORDER BY k.level_order, k.level
