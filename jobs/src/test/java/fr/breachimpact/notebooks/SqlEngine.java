package fr.breachimpact.notebooks;

/**
 * An engine the analysts use on the report folders. Both register one view per report, named after
 * it, so that the query files read {@code FROM incident_severity} whatever the engine.
 */
interface SqlEngine {
  /** Registers a view per report folder found under the root (a missing report gets no view). */
  void registerReports(String reportsRoot, ReportContracts contracts) throws Exception;

  ResultTable run(String sql) throws Exception;
}
