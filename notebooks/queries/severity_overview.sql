-- Incidents by severity: the ENISA score of each incident on the latest report date, most severe first.
-- uses incident_severity: report_date, incident_id, organisation, level, se, dpc, ei, cb, records, persons, suppressed, art34_required
-- returns: incident_id, organisation, level, se, dpc, ei, cb, records, persons, suppressed, art34_required
SELECT s.incident_id, s.organisation, s.level, s.se, s.dpc, s.ei, s.cb,
       s.records, s.persons, s.suppressed, s.art34_required
FROM incident_severity AS s
WHERE s.report_date = (SELECT MAX(report_date) FROM incident_severity)
ORDER BY s.se DESC, s.incident_id
