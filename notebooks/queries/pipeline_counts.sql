-- Rows in and out of each stage of the latest run date (the stage totals, source 'all').
-- uses run_summary: report_date, stage, source, rows_in, rows_out, rows_quarantined, seconds
-- returns: stage_order, stage, rows_in, rows_out, rows_quarantined, seconds
SELECT CASE r.stage WHEN 'ingest' THEN 1 WHEN 'classify' THEN 2 WHEN 'link' THEN 3
                    WHEN 'resolve' THEN 4 WHEN 'report' THEN 5 ELSE 6 END AS stage_order,
       r.stage, r.rows_in, r.rows_out, r.rows_quarantined, ROUND(r.seconds, 1) AS seconds
FROM run_summary AS r
WHERE r.report_date = (SELECT MAX(report_date) FROM run_summary)
  AND r.source = 'all'
ORDER BY stage_order, r.stage
