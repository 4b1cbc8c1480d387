#!/usr/bin/env bash
# Benchmark: ./scripts/bench.sh [--records N[,N2...]] [--repeat K] [--nights]
# Generates N leaked records (default 1,000,000) with the project's generator into a scratch
# folder (reused when already there), then times each stage in one JVM and prints
#   stage=<name> records=N seconds=S rows_per_s=R peak_rss_mb=M [ratio_vs_floor=X]
# as the median of K runs (default 3), beside the floor: a bare Spark scan of the same files.
# After classify it also times the deterministic baseline (exact joins on email, phone and
# loyalty id, distinct customers per incident and category) on Spark and on DuckDB over the
# same Parquet files, and prints
#   stage=deterministic engine=spark records=N seconds=S rows_per_s=R peak_rss_mb=M ratio_vs_duckdb=X result_rows=K
#   stage=deterministic engine=duckdb records=N seconds=S rows_per_s=R threads=T result_rows=K
#   stage=deterministic engine=duckdb plan=category_masks ... spark_ratio=X result_rows=K
# failing (exit 1, one line) when the engines return different rows. The third line is DuckDB
# given the Spark query's plan (categories as bit masks), not the baseline: it shows how much of
# the ratio is the plan rather than the engine. Counts only, no values.
# With several sizes (--records 100000,1000000) each is run in turn, then
#   scaling stage=<name> records=100k->1M time_ratio=X records_ratio=Y
# for each stage and the whole nightly; linear growth gives time_ratio = records_ratio (the rows in
# the input files, which the generator does not make exactly proportional to N).
# With --nights, whole nights instead of the stages, once each, on a fresh lake under
# <data set>/nights, which also holds copies of the incidents and customer extracts (the data set
# itself is never changed): the full night, then, one day apart, a night with nothing changed, a
# night with one new incident of 10,000 records (the first rows of an existing incident's file)
# and a night with 1 % of the customers of each extract edited in place (new email, another
# row's address; same ids and row count; fixed seed), all in the run date's month (started a few
# days earlier when needed: a new month recomputes customers and classify whatever changed), one
# line each,
#   night=full records=N seconds=S cpu_seconds=C peak_rss_mb=M stages=<stage>:<ran|reused>:<s>,...
#   night=nothing_changed records=N seconds=S cpu_seconds=C peak_rss_mb=M ratio_vs_full=X cpu_ratio_vs_full=Y stages=...
#   night=new_incident ...
#   night=customers_edited ...
# (records is the full night's count) and on stderr the rows each night ingested and the edits.
# (CPU seconds of the JVM beside the wall time: on a shared machine the wall time moves with the
# other jobs).
# Sizes above 500,000 records default to one run (--repeat 1) unless --repeat is given: a run
# of every stage at a million records takes some ten minutes on two cores. The deterministic
# query runs at least three times on each engine whatever --repeat says: it takes seconds, and a
# ratio of two single runs moves with the machine.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RECORDS=1000000
REPEAT=""
MODE=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --nights) MODE=(--nights); shift ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
ensure_built
# The report stage needs a pseudonym key: a throwaway one unless the caller gives one.
if [[ -z "${BREACH_IMPACT_PSEUDONYM_KEY:-}" ]]; then
  BREACH_IMPACT_PSEUDONYM_KEY="$(head -c 32 /dev/urandom | base64)"
  export BREACH_IMPACT_PSEUDONYM_KEY
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | sed -n 1p)"

human() { awk -v n="$1" 'BEGIN { if (n >= 1e6 && n % 1e6 == 0) printf "%dM", n / 1e6; else if (n >= 1e3 && n % 1e3 == 0) printf "%dk", n / 1e3; else printf "%d", n }'; }

# One size: generate (or reuse) the data, run the bench; its output goes to stdout and $2.
bench_one() {
  local records="$1" out="$2" repeat="$REPEAT"
  local dir="${BENCH_DIR:-$ROOT/out/bench}/records-$records"
  # About 11,000 leaked rows per unit of scale, 13,000 customers per unit of population scale:
  # 1.7 times the scale gives twice as many customers as leaked rows.
  local scale population
  scale=$(awk -v n="$records" 'BEGIN { printf "%.3f", n / 11000 }')
  population=$(awk -v s="$scale" 'BEGIN { printf "%.3f", s * 1.7 }')
  if [[ -z "$repeat" ]]; then
    repeat=$([[ "$records" -gt 500000 ]] && echo 1 || echo 3)
  fi
  if [[ ! -f "$dir/config.json" ]]; then
    run_job generate --out "$dir" --scale "$scale" --population-scale "$population" --seed 7
  fi
  run_job bench --config "$dir/config.json" --run-date 2026-11-29 --repeat "$repeat" ${MODE[@]+"${MODE[@]}"} | tee "$out"
}

IFS=',' read -r -a SIZES <<<"$RECORDS"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
for i in "${!SIZES[@]}"; do
  bench_one "${SIZES[$i]}" "$TMP/$i.txt"
done
# Scaling between consecutive sizes, from the stage lines' seconds.
for ((i = 1; i < ${#SIZES[@]}; i++)); do
  awk -v from="$(human "${SIZES[$((i - 1))]}")" -v to="$(human "${SIZES[$i]}")" '
    function field(line, key,   n, parts, j, kv) {
      n = split(line, parts, " ")
      for (j = 1; j <= n; j++) { split(parts[j], kv, "="); if (kv[1] == key) return kv[2] }
      return ""
    }
    /^stage=/ && $0 !~ /engine=duckdb/ {
      name = field($0, "stage"); engine = field($0, "engine"); if (engine != "") name = name "/" engine
      if (field($0, "rows_per_s") == "") next
      if (FNR == NR) { before[name] = field($0, "seconds"); rows[name] = field($0, "records") }
      else if (name in before && before[name] > 0) {
        # The generator does not hit the size exactly: the ratio of the input rows is linear growth.
        printf "scaling stage=%s records=%s->%s time_ratio=%.2f records_ratio=%.2f\n", name, from, to,
          field($0, "seconds") / before[name], field($0, "records") / rows[name]
      }
    }' "$TMP/$((i - 1)).txt" "$TMP/$i.txt"
done
