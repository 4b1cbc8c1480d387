#!/usr/bin/env bash
# The whole pipeline locally on generated sample data, then where the reports are.
#   ./scripts/demo.sh [--out DIR] [--scale X] [--seed N] [--difficulty easy|realistic|hard] [--run-date YYYY-MM-DD] [--fresh]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

OUT="$ROOT/out/demo"
SCALE=1
SEED=42
DIFFICULTY=realistic
RUN_DATE=2026-11-29
FRESH=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    --scale) SCALE="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --difficulty) DIFFICULTY="$2"; shift 2 ;;
    --run-date) RUN_DATE="$2"; shift 2 ;;
    --fresh) FRESH=1; shift ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "demo.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
LOG="$OUT/demo.log"

ensure_built
{
  if [[ $FRESH -eq 1 || ! -f "$OUT/config.json" ]]; then
    rm -rf "$OUT/lake" "$OUT/reports" "$OUT/incidents" "$OUT/customers" "$OUT/ground-truth"
    run_job generate --out "$OUT" --seed "$SEED" --scale "$SCALE" --difficulty "$DIFFICULTY"
  fi

  # Reports need a pseudonym key. The demo makes a throwaway one beside its output; a real
  # deployment sets BREACH_IMPACT_PSEUDONYM_KEY or report.pseudonym_key_file from its vault.
  if [[ -z "${BREACH_IMPACT_PSEUDONYM_KEY:-}" ]]; then
    if [[ ! -f "$OUT/pseudonym.key" ]]; then
      (umask 077 && head -c 32 /dev/urandom | base64 > "$OUT/pseudonym.key")
      echo "demo: generated a throwaway pseudonym key in $OUT/pseudonym.key (demo only)"
    fi
    # Named in the demo's config, so that a stage re-run by hand (the hint below) finds it too.
    java -cp "$(cat "$SCRIPTS_CLASSPATH")" "$ROOT/scripts/EditConfig.java" "$OUT/config.json" \
      report.pseudonym_key_file=pseudonym.key
  fi

  run_job nightly --config "$OUT/config.json" --run-date "$RUN_DATE"
  run_job evaluate --config "$OUT/config.json" --run-date "$RUN_DATE" --truth "$OUT/ground-truth"

  echo
  echo "demo: done. Output under $OUT"
  echo "  config it ran with:  $OUT/config.json   (re-run any stage: ./scripts/run.sh <stage> --config $OUT/config.json --run-date $RUN_DATE)"
  echo "  restricted lake:     $OUT/lake/         (Delta: leaked_records, quarantine, leaked_records_clean, customers_clean, customer_matches, persons, ...)"
  echo "  reports (Parquet):   $OUT/reports/<name>/report_date=$RUN_DATE/"
  for r in "$OUT"/reports/*/; do
    [[ -d "$r" ]] && echo "    - $(basename "$r")"
  done
  [[ -f "$OUT/summary.html" ]] && echo "  HTML summary:        $OUT/summary.html"
  echo "  ground truth:        $OUT/ground-truth/ (never read by the pipeline)"
  echo "  this log:            $LOG"
} 2>&1 | tee "$LOG"
exit "${PIPESTATUS[0]}"
