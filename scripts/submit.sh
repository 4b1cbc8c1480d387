#!/usr/bin/env bash
# Submits the nightly run to a Spark cluster.
#   ./scripts/submit.sh --master URL --config FILE --run-date YYYY-MM-DD
#       [--deploy-mode client|cluster] [--key-file FILE] [--driver-memory 2g]
#       [--executor-memory 1g] [-- extra spark-submit arguments]
# Builds the shaded jar (jobs/target/*-spark-submit.jar) if needed, then runs `spark-submit`
# when it is on PATH, else org.apache.spark.deploy.SparkSubmit from the Spark jars Maven brings.
# The pseudonym key never goes on a command line: in client mode it is read from --key-file (or
# the caller's BREACH_IMPACT_PSEUDONYM_KEY) into the driver's environment; in cluster mode the
# key file travels with --files and the config must name it (report.pseudonym_key_file: its
# base name), as the config itself travels with --files and is given by its base name.
# Returns the job's exit code (0 ok, 2 config, 3 input, 4 locked, 1 other).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MASTER=""
CONFIG=""
RUN_DATE=""
DEPLOY_MODE=client
KEY_FILE=""
DRIVER_MEMORY="${BREACH_IMPACT_DRIVER_MEMORY:-2g}"
EXECUTOR_MEMORY="${BREACH_IMPACT_EXECUTOR_MEMORY:-1g}"
EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --master) MASTER="$2"; shift 2 ;;
    --config) CONFIG="$2"; shift 2 ;;
    --run-date) RUN_DATE="$2"; shift 2 ;;
    --deploy-mode) DEPLOY_MODE="$2"; shift 2 ;;
    --key-file) KEY_FILE="$2"; shift 2 ;;
    --driver-memory) DRIVER_MEMORY="$2"; shift 2 ;;
    --executor-memory) EXECUTOR_MEMORY="$2"; shift 2 ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "submit.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$MASTER" && -n "$CONFIG" && -n "$RUN_DATE" ]] || {
  echo "submit.sh: --master, --config and --run-date are required" >&2; exit 2; }
[[ "$DEPLOY_MODE" == client || "$DEPLOY_MODE" == cluster ]] || {
  echo "submit.sh: --deploy-mode is client or cluster" >&2; exit 2; }
[[ -f "$CONFIG" ]] || { echo "submit.sh: $CONFIG: config file not found" >&2; exit 2; }
[[ -z "$KEY_FILE" || -f "$KEY_FILE" ]] || { echo "submit.sh: $KEY_FILE: key file not found" >&2; exit 2; }

ensure_built
JAR="$(ls "$ROOT"/jobs/target/*-spark-submit.jar 2>/dev/null | head -1)"
if [[ -z "$JAR" || -n "$(find "$ROOT/jobs/src/main" -newer "$JAR" -print -quit)" ]]; then
  echo "submit.sh: building the shaded jar..." >&2
  (cd "$ROOT" && mvn -B -q -o -DskipTests package) >&2
  JAR="$(ls "$ROOT"/jobs/target/*-spark-submit.jar | head -1)"
fi

OPENS="${SPARK_JAVA_OPTS[*]}"
ARGS=(--master "$MASTER" --deploy-mode "$DEPLOY_MODE" --name "breach-impact nightly $RUN_DATE"
  --class fr.breachimpact.cli.BreachImpact
  --driver-memory "$DRIVER_MEMORY" --executor-memory "$EXECUTOR_MEMORY"
  --conf "spark.driver.extraJavaOptions=$OPENS"
  --conf "spark.executor.extraJavaOptions=$OPENS")

if [[ "$DEPLOY_MODE" == cluster ]]; then
  # The driver runs on the cluster: config and key go with the job (YARN and Kubernetes put
  # --files in the driver's working directory) and are named by their base names. Lake and
  # reports paths in that config must be absolute URIs on shared storage (hdfs:, s3a:, file:).
  FILES="$CONFIG"
  [[ -n "$KEY_FILE" ]] && FILES="$FILES,$KEY_FILE"
  ARGS+=(--files "$FILES")
  JOB_CONFIG="$(basename "$CONFIG")"
else
  # Client mode: the driver is this process's child, on this machine; the key goes through its
  # environment.
  if [[ -n "$KEY_FILE" ]]; then
    BREACH_IMPACT_PSEUDONYM_KEY="$(tr -d '\n' <"$KEY_FILE")"
    export BREACH_IMPACT_PSEUDONYM_KEY
  fi
  JOB_CONFIG="$(cd "$(dirname "$CONFIG")" && pwd)/$(basename "$CONFIG")"
fi
ARGS+=("${EXTRA[@]}" "$JAR" nightly --config "$JOB_CONFIG" --run-date "$RUN_DATE")

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
if command -v spark-submit >/dev/null 2>&1; then
  exec spark-submit "${ARGS[@]}"
fi
# No Spark distribution: SparkSubmit from Maven's Spark jars (the provided scope only, as a
# distribution would have; the application's own libraries are in the shaded jar). In client
# mode this JVM is the driver, so it takes the driver's memory and Java options itself.
exec java "${SPARK_JAVA_OPTS[@]}" -Xmx"$DRIVER_MEMORY" \
  -Dlog4j2.configurationFile="$ROOT/jobs/src/main/resources/log4j2.properties" \
  -cp "$(cat "$ROOT/jobs/target/classpath.provided.txt")" \
  org.apache.spark.deploy.SparkSubmit "${ARGS[@]}"
