-- Every incident's ENISA factors, ranked by severity (severity_rank 1 = the most severe, the default
-- incident of the in-depth notebook): SE = DPC x EI + CB and the reasons behind each term.
-- uses incident_severity: report_date, incident_id, organisation, se, level, dpc, dpc_factors, ei, ei_factors, cb, cb_factors, explanation
-- returns: severity_rank, incident_id, organisation, se, level, dpc, dpc_factors, ei, ei_factors, cb, cb_factors, explanation
SELECT ROW_NUMBER() OVER (ORDER BY s.se DESC, s.incident_id) AS severity_rank,
       s.incident_id, s.organisation, s.se, s.level, s.dpc, s.dpc_factors, s.ei, s.ei_factors,
       s.cb, s.cb_factors, s.explanation
FROM incident_severity AS s
WHERE s.report_date = (SELECT MAX(report_date) FROM incident_severity)
ORDER BY severity_rank
