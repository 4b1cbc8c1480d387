-- From the published sample to the whole leak, per incident, category and customer scope: the share of
-- the sample who are our customers (Wilson 95% interval) times the leak's total, and the German-tank
-- and capture-recapture estimates of the leak's size where the report has them.
-- uses incident_severity: report_date, incident_id, se
-- uses exposure_by_incident_category: report_date, incident_id, category, customer_scope, customer_group, customer_brand, matched_persons, sample_persons, sample_share, sample_share_low, sample_share_high, leak_total, leak_total_basis, estimated_exposed_customers, estimated_exposed_customers_low, estimated_exposed_customers_high, estimate_method, german_tank_leak_size, german_tank_low, german_tank_high, capture_recapture_leak_size, capture_recapture_low, capture_recapture_high, suppressed
-- returns: severity_rank, incident_id, category, customer_scope, customer_group, customer_brand, matched_persons, sample_persons, sample_share, sample_share_low, sample_share_high, leak_total, leak_total_basis, estimated_exposed_customers, estimated_exposed_customers_low, estimated_exposed_customers_high, estimate_method, german_tank_leak_size, german_tank_low, german_tank_high, capture_recapture_leak_size, capture_recapture_low, capture_recapture_high, suppressed
WITH ranked AS (
  SELECT s.incident_id, ROW_NUMBER() OVER (ORDER BY s.se DESC, s.incident_id) AS severity_rank
  FROM incident_severity AS s
  WHERE s.report_date = (SELECT MAX(report_date) FROM incident_severity)
)
SELECT r.severity_rank, e.incident_id, e.category, e.customer_scope, e.customer_group,
       COALESCE(e.customer_brand, '(all brands)') AS customer_brand,
       e.matched_persons, e.sample_persons,
       ROUND(e.sample_share, 6) AS sample_share, ROUND(e.sample_share_low, 6) AS sample_share_low,
       ROUND(e.sample_share_high, 6) AS sample_share_high,
       e.leak_total, e.leak_total_basis,
       e.estimated_exposed_customers, e.estimated_exposed_customers_low, e.estimated_exposed_customers_high,
       e.estimate_method, e.german_tank_leak_size, e.german_tank_low, e.german_tank_high,
       e.capture_recapture_leak_size, e.capture_recapture_low, e.capture_recapture_high, e.suppressed
FROM exposure_by_incident_category AS e
JOIN ranked AS r ON r.incident_id = e.incident_id
WHERE e.report_date = (SELECT MAX(report_date) FROM exposure_by_incident_category)
ORDER BY r.severity_rank, e.category, e.customer_scope DESC, e.customer_group NULLS LAST, e.customer_brand NULLS FIRST
