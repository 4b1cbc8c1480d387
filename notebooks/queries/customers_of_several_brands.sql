-- Exposed persons by the number of brands they are customers of (2 = customers of both Auchan and
-- Leroy Merlin), and their risk level. Counts below 10, the default minimum cell size, are null.
-- uses customer_risk: report_date, person_pseudonym, brand, level
-- returns: brand_count, level_order, level, persons
WITH per_person AS (
  SELECT c.person_pseudonym, COUNT(DISTINCT c.brand) AS brand_count, MAX(c.level) AS level
  FROM customer_risk AS c
  WHERE c.report_date = (SELECT MAX(report_date) FROM customer_risk)
  GROUP BY c.person_pseudonym
),
counted AS (
  SELECT p.brand_count,
         CASE p.level WHEN 'very high' THEN 1 WHEN 'high' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END AS level_order,
         p.level, COUNT(*) AS n_persons
  FROM per_person AS p
  GROUP BY p.brand_count, p.level
)
SELECT k.brand_count, k.level_order, k.level,
       CASE WHEN k.n_persons >= 10 THEN k.n_persons END AS persons
FROM counted AS k
ORDER BY k.brand_count DESC, k.level_order, k.level
