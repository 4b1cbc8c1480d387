#!/usr/bin/env bash
# The scheduler's command: ./scripts/nightly.sh --config FILE [--run-date YYYY-MM-DD (default: today, UTC)]
# Logs to logs/nightly-<run-date>.log (or $BREACH_IMPACT_LOG_DIR) and returns the job's exit code:
# 0 success, 2 bad config or manifest, 3 input problem, 4 another run holds the lock, 1 anything else.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
RUN_DATE=""
for ((i = 1; i <= $#; i++)); do
  if [[ "${!i}" == "--run-date" ]]; then j=$((i + 1)); RUN_DATE="${!j:-}"; fi
  if [[ "${!i}" == --run-date=* ]]; then RUN_DATE="${!i#--run-date=}"; fi
done
if [[ -z "$RUN_DATE" ]]; then
  # Today (UTC), decided once: the log's name and the job's date are the same day.
  RUN_DATE="$(date -u +%F)"
  set -- "$@" --run-date "$RUN_DATE"
fi
LOG_DIR="${BREACH_IMPACT_LOG_DIR:-$ROOT/logs}"
mkdir -p "$LOG_DIR"
LOG="$LOG_DIR/nightly-$RUN_DATE.log"
run_job nightly "$@" >>"$LOG" 2>&1
code=$?
echo "nightly run-date=$RUN_DATE exit=$code log=$LOG"
exit $code
