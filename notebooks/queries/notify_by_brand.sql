-- Customers to notify per brand (GDPR art. 34: their person-level risk is high or very high), and the
-- persons behind them. Counts below 10, the default minimum cell size, are null.
-- uses customer_risk: report_date, brand, customer_pseudonym, person_pseudonym, notify
-- returns: brand, customers, customers_to_notify, persons_to_notify, notify_share
WITH counted AS (
  SELECT c.brand,
         COUNT(DISTINCT c.customer_pseudonym) AS n_customers,
         COUNT(DISTINCT CASE WHEN c.notify THEN c.customer_pseudonym END) AS n_notify,
         COUNT(DISTINCT CASE WHEN c.notify THEN c.person_pseudonym END) AS n_persons_notify
  FROM customer_risk AS c
  WHERE c.report_date = (SELECT MAX(report_date) FROM customer_risk)
  GROUP BY c.brand
)
SELECT k.brand,
       CASE WHEN k.n_customers >= 10 THEN k.n_customers END AS customers,
       CASE WHEN k.n_notify >= 10 OR k.n_notify = 0 THEN k.n_notify END AS customers_to_notify,
       CASE WHEN k.n_persons_notify >= 10 OR k.n_persons_notify = 0 THEN k.n_persons_notify END AS persons_to_notify,
       CASE WHEN k.n_customers >= 10 AND (k.n_notify >= 10 OR k.n_notify = 0)
            THEN ROUND(CAST(k.n_notify AS DOUBLE) / k.n_customers, 4) END AS notify_share
FROM counted AS k
ORDER BY k.brand
