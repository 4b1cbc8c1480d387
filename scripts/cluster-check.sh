#!/usr/bin/env bash
# The nightly on a real Spark standalone cluster equals the nightly in local mode.
#   ./scripts/cluster-check.sh [--scale 0.05] [--out DIR]
# Needs Java 17 and Maven only (config edits by scripts/EditConfig.java). CLUSTER_CHECK_TIMEOUT
# (seconds, default 1200) bounds each of the two runs. Exit 0 when the reports are equal.
# Generates a small data set twice (same seed), runs the nightly in local mode on one copy and
# through SparkSubmit against spark://127.0.0.1:<port> (scripts/local-cluster.sh: a master and
# two workers) on the other, compares the analyst reports, and stops the cluster whatever
# happens. Executors share this machine's file system, so the config's plain (file:) paths
# work; on a real cluster the lake and reports go to hdfs: or s3a: URIs (README).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SCALE=0.05
OUT="$ROOT/out/cluster-check"
RUN_DATE=2026-11-29
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "cluster-check.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
START=$(date +%s)
rm -rf "$OUT"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
ensure_built

# A free-looking port pair, so as not to meet another cluster on a shared machine.
export SPARK_MASTER_PORT="${SPARK_MASTER_PORT:-$((20000 + RANDOM % 20000))}"
export SPARK_MASTER_WEBUI_PORT="${SPARK_MASTER_WEBUI_PORT:-$((SPARK_MASTER_PORT + 1))}"
export BREACH_IMPACT_CLUSTER_DIR="$OUT/spark-cluster"
trap '"$ROOT/scripts/local-cluster.sh" stop || true' EXIT

export BREACH_IMPACT_DRIVER_MEMORY=1500m
(umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"$OUT/pseudonym.key")
# Same shuffle width on both sides, small for a 2-core machine.
SETTINGS='{"spark.sql.shuffle.partitions":"4","spark.default.parallelism":"2"}'
for side in local cluster; do
  run_job generate --out "$OUT/$side" --seed 11 --scale "$SCALE" | grep -v WARN || true
  # Java and the scripts' classpath only (no Python on a CI machine): scripts/EditConfig.java.
  java -cp "$(cat "$SCRIPTS_CLASSPATH")" "$ROOT/scripts/EditConfig.java" "$OUT/$side/config.json" \
    "spark=$SETTINGS" link.u_sample_pairs=20000
done

# Each run is bounded (a cluster that never grants executors would otherwise wait for ever).
LIMIT="${CLUSTER_CHECK_TIMEOUT:-1200}"
bounded() { if command -v timeout >/dev/null 2>&1; then timeout -k 30 "$LIMIT" "$@"; else "$@"; fi; }

echo "cluster-check: local mode..."
t0=$(date +%s)
BREACH_IMPACT_PSEUDONYM_KEY="$(cat "$OUT/pseudonym.key")" \
  bounded "$ROOT/scripts/run.sh" nightly --config "$OUT/local/config.json" --run-date "$RUN_DATE" >"$OUT/local.log" 2>&1 ||
  { echo "cluster-check: local nightly failed, see $OUT/local.log" >&2; exit 1; }
echo "cluster-check: local mode done in $(( $(date +%s) - t0 )) s"

MASTER_URL="$("$ROOT/scripts/local-cluster.sh" start | tail -1)"
echo "cluster-check: cluster up at $MASTER_URL"
t0=$(date +%s)
bounded "$ROOT/scripts/submit.sh" --master "$MASTER_URL" --config "$OUT/cluster/config.json" --run-date "$RUN_DATE" \
  --key-file "$OUT/pseudonym.key" --driver-memory 1500m --executor-memory 1g -- \
  --conf spark.cores.max=2 >"$OUT/cluster.log" 2>&1 ||
  { echo "cluster-check: cluster nightly failed, see $OUT/cluster.log" >&2; exit 1; }
echo "cluster-check: cluster run done in $(( $(date +%s) - t0 )) s"
# Executors really ran on the workers (not a silent local fallback).
ls "$OUT"/spark-cluster/work*/app-*/*/stderr >/dev/null 2>&1 ||
  { echo "cluster-check: no executor ran on the workers" >&2; exit 1; }
"$ROOT/scripts/local-cluster.sh" stop

java "${SPARK_JAVA_OPTS[@]}" -Xmx1g -cp "$(cat "$SCRIPTS_CLASSPATH")" \
  "$ROOT/scripts/CompareReports.java" "$OUT/local/reports" "$OUT/cluster/reports" "$RUN_DATE" 2>/dev/null
echo "cluster-check: ok in $(( $(date +%s) - START )) s"
