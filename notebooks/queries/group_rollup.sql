-- Group roll-up: persons exposed in any incident of the group counted once, against the same persons
-- summed incident by incident; persons in several incidents; customers of two or more brands.
-- uses group_overlap: report_date, group_name, brands, incidents, persons_exposed, persons_multi_incident, persons_exposed_customers, persons_multi_brand_customers, persons_multi_brand_customers_exposed, below_min_cell_size
-- uses incident_severity: report_date, incident_id, persons
-- uses exposure_by_incident_category: report_date, incident_id, incident_group
-- returns: group_name, brands, incidents, persons_exposed, persons_summed_over_incidents, persons_multi_incident, persons_exposed_customers, persons_multi_brand_customers, persons_multi_brand_customers_exposed, below_min_cell_size
WITH groups AS (
  SELECT g.group_name, g.brands, g.incidents, g.persons_exposed, g.persons_multi_incident,
         g.persons_exposed_customers, g.persons_multi_brand_customers,
         g.persons_multi_brand_customers_exposed, g.below_min_cell_size
  FROM group_overlap AS g
  WHERE g.report_date = (SELECT MAX(report_date) FROM group_overlap)
),
members AS (
  SELECT DISTINCT e.incident_id, e.incident_group
  FROM exposure_by_incident_category AS e
  WHERE e.report_date = (SELECT MAX(report_date) FROM exposure_by_incident_category)
    AND e.incident_group IS NOT NULL
),
summed AS (
  SELECT m.incident_group, CAST(SUM(s.persons) AS BIGINT) AS persons_summed_over_incidents
  FROM members AS m
  JOIN incident_severity AS s ON s.incident_id = m.incident_id
  WHERE s.report_date = (SELECT MAX(report_date) FROM incident_severity)
  GROUP BY m.incident_group
)
SELECT g.group_name, g.brands, g.incidents, g.persons_exposed, u.persons_summed_over_incidents,
       g.persons_multi_incident, g.persons_exposed_customers, g.persons_multi_brand_customers,
       g.persons_multi_brand_customers_exposed, g.below_min_cell_size
FROM groups AS g
LEFT JOIN summed AS u ON u.incident_group = g.group_name
ORDER BY g.group_name
