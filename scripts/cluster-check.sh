#!/usr/bin/env bash
# The nightly on a real Spark standalone cluster equals the nightly in local mode.
#   ./scripts/cluster-check.sh [--scale 0.05] [--out DIR] [--hdfs]
# Needs Java 17 and Maven only (config edits by scripts/EditConfig.java). CLUSTER_CHECK_TIMEOUT
# (seconds, default 1200) bounds each of the two runs. Exit 0 when the reports are equal.
# Generates a small data set twice (same seed), runs the nightly in local mode on one copy and
# through SparkSubmit against spark://127.0.0.1:<port> (scripts/local-cluster.sh: a master and
# two workers) on the other, compares the analyst reports, and stops the cluster whatever
# happens. Executors share this machine's file system, so the config's plain (file:) paths
# work; on a real cluster the lake and reports go to hdfs: or s3a: URIs (README).
# --hdfs: the cluster run's inputs (incident folders, manifests, leaked files, customer extracts),
# lake, lock and reports are on a real HDFS instead: Hadoop's MiniDFSCluster on loopback, started
# in a helper JVM (scripts/MiniHdfs.java, from the jobs' test classpath: hadoop-client-minicluster
# at Spark's Hadoop version), the generated data copied in, the config's folders rewritten to
# hdfs://127.0.0.1:<port>/... URIs (the config and the pseudonym key stay local). The reports are
# compared on HDFS, then the helper is stopped whatever happens (its data under <out>/minihdfs).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SCALE=0.05
OUT="$ROOT/out/cluster-check"
RUN_DATE=2026-11-29
HDFS=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --hdfs) HDFS=1; shift ;;
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
HDFS_PID=""
stop_all() {
  "$ROOT/scripts/local-cluster.sh" stop || true
  if [[ -n "$HDFS_PID" ]]; then
    touch "$OUT/minihdfs/stop"
    for _ in $(seq 1 20); do kill -0 "$HDFS_PID" 2>/dev/null || break; sleep 1; done
    kill "$HDFS_PID" 2>/dev/null || true
  fi
}
trap stop_all EXIT

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

CLUSTER_REPORTS="$OUT/cluster/reports"
if [[ "$HDFS" == 1 ]]; then
  # The test classpath brings hadoop-client-minicluster (test scope, not in the jobs' classpath).
  (cd "$ROOT/jobs" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/classpath.test.txt) >"$OUT/minihdfs.build.log" 2>&1 ||
    { cat "$OUT/minihdfs.build.log" >&2; echo "cluster-check: no test classpath for the MiniDFSCluster" >&2; exit 1; }
  mkdir -p "$OUT/minihdfs"
  java "${SPARK_JAVA_OPTS[@]}" -Xmx1g -cp "$ROOT/jobs/target/classes:$(cat "$ROOT/jobs/target/classpath.test.txt")" \
    "$ROOT/scripts/MiniHdfs.java" "$OUT/minihdfs/data" "$OUT/minihdfs/uri" "$OUT/minihdfs/stop" \
    "$OUT/cluster/incidents=/breach-impact/incidents" "$OUT/cluster/customers=/breach-impact/customers" \
    >"$OUT/minihdfs.log" 2>&1 &
  HDFS_PID=$!
  for _ in $(seq 1 120); do [[ -f "$OUT/minihdfs/uri" ]] && break; kill -0 "$HDFS_PID" 2>/dev/null || break; sleep 1; done
  [[ -f "$OUT/minihdfs/uri" ]] || { echo "cluster-check: the MiniDFSCluster did not start, see $OUT/minihdfs.log" >&2; exit 1; }
  HDFS_URI="$(cat "$OUT/minihdfs/uri")/breach-impact"
  echo "cluster-check: inputs, lake and reports of the cluster run on $HDFS_URI"
  # Nothing of the cluster run is read from the local copy any more.
  rm -rf "$OUT/cluster/incidents" "$OUT/cluster/customers"
  java -cp "$(cat "$SCRIPTS_CLASSPATH")" "$ROOT/scripts/EditConfig.java" "$OUT/cluster/config.json" \
    "incidents_dir=$HDFS_URI/incidents" "lake_dir=$HDFS_URI/lake" "reports_dir=$HDFS_URI/reports" \
    "notification_dir=$HDFS_URI/notifications" \
    "customers.0.path=$HDFS_URI/customers/auchan.csv" "customers.1.path=$HDFS_URI/customers/leroy-merlin.csv"
  CLUSTER_REPORTS="$HDFS_URI/reports"
fi

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
  "$ROOT/scripts/CompareReports.java" "$OUT/local/reports" "$CLUSTER_REPORTS" "$RUN_DATE" 2>/dev/null
echo "cluster-check: ok in $(( $(date +%s) - START )) s"
