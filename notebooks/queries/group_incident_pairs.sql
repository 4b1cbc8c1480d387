-- Overlap of the incidents of one group (Mulliez: Auchan and Leroy Merlin): persons (after
-- cross-incident deduplication) in each incident of a pair, in both, in either, and the Jaccard index.
-- uses incident_overlap: report_date, incident_a, incident_b, persons_a, persons_b, persons_both, persons_either, jaccard, below_min_cell_size
-- uses exposure_by_incident_category: report_date, incident_id, incident_group
-- returns: incident_group, incident_a, incident_b, persons_a, persons_b, persons_both, persons_either, jaccard, below_min_cell_size
WITH members AS (
  SELECT DISTINCT e.incident_id, e.incident_group
  FROM exposure_by_incident_category AS e
  WHERE e.report_date = (SELECT MAX(report_date) FROM exposure_by_incident_category)
    AND e.incident_group IS NOT NULL
),
pairs AS (
  SELECT o.incident_a, o.incident_b, o.persons_a, o.persons_b, o.persons_both, o.persons_either,
         o.jaccard, o.below_min_cell_size
  FROM incident_overlap AS o
  WHERE o.report_date = (SELECT MAX(report_date) FROM incident_overlap)
)
SELECT ma.incident_group, p.incident_a, p.incident_b, p.persons_a, p.persons_b, p.persons_both,
       p.persons_either, ROUND(p.jaccard, 4) AS jaccard, p.below_min_cell_size
FROM pairs AS p
JOIN members AS ma ON ma.incident_id = p.incident_a
JOIN members AS mb ON mb.incident_id = p.incident_b AND mb.incident_group = ma.incident_group
ORDER BY ma.incident_group, p.incident_a, p.incident_b
