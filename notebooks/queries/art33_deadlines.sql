-- GDPR art. 33 (authority within 72 hours of awareness) and art. 34 (the persons themselves, when the
-- level is high or very high) for each incident, the nearest deadline first.
-- uses incident_severity: report_date, incident_id, organisation, level, se, became_aware, art33_deadline, art33_deadline_passed, art34_required, persons
-- returns: incident_id, organisation, level, se, became_aware, art33_deadline, art33_deadline_passed, art34_required, persons
SELECT s.incident_id, s.organisation, s.level, s.se, s.became_aware, s.art33_deadline,
       s.art33_deadline_passed, s.art34_required, s.persons
FROM incident_severity AS s
WHERE s.report_date = (SELECT MAX(report_date) FROM incident_severity)
ORDER BY s.art33_deadline NULLS LAST, s.incident_id
