#!/usr/bin/env bash
# Benchmark: ./scripts/bench.sh [--records N] [--repeat K]
# Generates N leaked records (default 1,000,000) with the project's generator into a scratch
# folder (reused when already there), then times each stage in one JVM and prints
#   stage=<name> records=N seconds=S rows_per_s=R peak_rss_mb=M [ratio_vs_floor=X]
# as the median of K runs (default 3), beside the floor: a bare Spark scan of the same files.
# After classify it also times the deterministic baseline (exact joins on email, phone and
# loyalty id, distinct customers per incident and category) on Spark and on DuckDB over the
# same Parquet files, and prints
#   stage=deterministic engine=spark records=N seconds=S rows_per_s=R peak_rss_mb=M ratio_vs_duckdb=X result_rows=K
#   stage=deterministic engine=duckdb records=N seconds=S rows_per_s=R threads=T result_rows=K
# failing (exit 1, one line) when the two engines return different rows. Counts only, no values.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RECORDS=1000000
REPEAT=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
DIR="${BENCH_DIR:-$ROOT/out/bench}/records-$RECORDS"
# The generator writes about 11,000 leaked rows per unit of scale, and about 13,000 customers per
# unit of population scale: 1.7 times the scale gives twice as many customers as leaked rows.
SCALE=$(awk -v n="$RECORDS" 'BEGIN { printf "%.3f", n / 11000 }')
POPULATION_SCALE=$(awk -v s="$SCALE" 'BEGIN { printf "%.3f", s * 1.7 }')
ensure_built
# The report stage needs a pseudonym key: a throwaway one unless the caller gives one.
if [[ -z "${BREACH_IMPACT_PSEUDONYM_KEY:-}" ]]; then
  BREACH_IMPACT_PSEUDONYM_KEY="$(head -c 32 /dev/urandom | base64)"
  export BREACH_IMPACT_PSEUDONYM_KEY
fi
if [[ ! -f "$DIR/config.json" ]]; then
  run_job generate --out "$DIR" --scale "$SCALE" --population-scale "$POPULATION_SCALE" --seed 7
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
run_job bench --config "$DIR/config.json" --run-date 2026-11-29 --repeat "$REPEAT"
