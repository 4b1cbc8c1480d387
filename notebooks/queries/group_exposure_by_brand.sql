-- Customers of each brand of a group (and of the group as a whole) exposed by the group's incidents,
-- per incident and data category, with their share of the brand's customer base.
-- uses exposure_by_incident_category: report_date, incident_id, incident_group, category, customer_scope, customer_brand, customer_group, matched_customers, customer_base, share_of_customer_base, suppressed
-- returns: customer_group, incident_id, category, customer_scope, customer_brand, matched_customers, customer_base, share_of_customer_base, suppressed
SELECT e.customer_group, e.incident_id, e.category, e.customer_scope,
       COALESCE(e.customer_brand, '(all brands)') AS customer_brand,
       e.matched_customers, e.customer_base, ROUND(e.share_of_customer_base, 6) AS share_of_customer_base,
       e.suppressed
FROM exposure_by_incident_category AS e
WHERE e.report_date = (SELECT MAX(report_date) FROM exposure_by_incident_category)
  AND e.incident_group IS NOT NULL
  AND e.customer_group = e.incident_group
ORDER BY e.customer_group, e.incident_id, e.category, e.customer_scope, e.customer_brand NULLS LAST
