-- Risk-level distribution of the exposed customers of each brand. Counts below 10 are null.
-- uses customer_risk: report_date, brand, level, se
-- returns: brand, level_order, level, customers, mean_se
WITH counted AS (
  SELECT c.brand,
         CASE c.level WHEN 'very high' THEN 1 WHEN 'high' THEN 2 WHEN 'medium' THEN 3 ELSE 4 END AS level_order,
         c.level, COUNT(*) AS n_customers, AVG(c.se) AS mean_se
  FROM customer_risk AS c
  WHERE c.report_date = (SELECT MAX(report_date) FROM customer_risk)
  GROUP BY c.brand, c.level
)
SELECT k.brand, k.level_order, k.level,
       CASE WHEN k.n_customers >= 10 THEN k.n_customers END AS customers,
       CASE WHEN k.n_customers >= 10 THEN ROUND(k.mean_se, 3) END AS mean_se
FROM counted AS k
ORDER BY k.brand, k.level_order, k.level
