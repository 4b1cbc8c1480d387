#!/usr/bin/env bash
# A real Spark standalone cluster on loopback, from the Spark jars Maven brings (no Spark
# distribution needed): one master and two workers (1 core, 2g each).
#   ./scripts/local-cluster.sh start|stop|status
# Environment: BREACH_IMPACT_CLUSTER_DIR (run folder: pids, logs, work dirs; default
# out/local-cluster), SPARK_MASTER_PORT (7077), SPARK_MASTER_WEBUI_PORT (8080),
# WORKER_CORES (1), WORKER_MEMORY (2g).
# `start` prints the master URL (spark://127.0.0.1:<port>) on its last line.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

RUN_DIR="${BREACH_IMPACT_CLUSTER_DIR:-$ROOT/out/local-cluster}"
PORT="${SPARK_MASTER_PORT:-7077}"
WEBUI_PORT="${SPARK_MASTER_WEBUI_PORT:-8080}"
CORES="${WORKER_CORES:-1}"
MEMORY="${WORKER_MEMORY:-2g}"
MASTER_URL="spark://127.0.0.1:$PORT"
DAEMONS=(master worker1 worker2)

pid_of() { [[ -f "$RUN_DIR/$1.pid" ]] && cat "$RUN_DIR/$1.pid" || true; }
alive() { local p; p="$(pid_of "$1")"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

# A SPARK_HOME as a worker expects it: jars/ holds Spark's own jars (the provided scope, as in a
# Spark distribution). Workers build the executors' classpath from it; the application's jar
# (the shaded jar, without Spark) comes from the driver.
spark_home() {
  local home="$RUN_DIR/spark-home"
  rm -rf "$home/jars"
  mkdir -p "$home/jars" "$home/conf"
  tr ':' '\n' < "$ROOT/jobs/target/classpath.provided.txt" | while read -r jar; do
    [[ -n "$jar" ]] && ln -sf "$jar" "$home/jars/$(basename "$jar")"
  done
  echo "$home"
}

start_daemon() {
  local name="$1"; shift
  if alive "$name"; then
    echo "local-cluster: $name already running (pid $(pid_of "$name"))"
    return
  fi
  # The daemons take the runtime + provided classpath; every JVM gets the Java 17 opens.
  SPARK_HOME="$SPARK_HOME_DIR" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 \
    nohup java "${SPARK_JAVA_OPTS[@]}" -Xmx512m \
    -cp "$(cat "$ROOT/jobs/target/classpath.runtime.txt"):$(cat "$ROOT/jobs/target/classpath.provided.txt")" \
    "$@" >"$RUN_DIR/logs/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
}

wait_for_log() {
  local name="$1" pattern="$2" tries=120
  until grep -q "$pattern" "$RUN_DIR/logs/$name.log" 2>/dev/null; do
    if ! alive "$name"; then
      echo "local-cluster: $name died, see $RUN_DIR/logs/$name.log" >&2
      tail -5 "$RUN_DIR/logs/$name.log" >&2 || true
      return 1
    fi
    tries=$((tries - 1))
    if [[ $tries -le 0 ]]; then
      echo "local-cluster: $name not ready after 120 s, see $RUN_DIR/logs/$name.log" >&2
      return 1
    fi
    sleep 1
  done
}

start() {
  ensure_built
  mkdir -p "$RUN_DIR/logs" "$RUN_DIR/work1" "$RUN_DIR/work2"
  SPARK_HOME_DIR="$(spark_home)"
  start_daemon master org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$PORT" --webui-port "$WEBUI_PORT"
  wait_for_log master "Starting Spark master" || { stop; return 1; }
  wait_for_log master "I have been elected leader" || { stop; return 1; }
  local i
  for i in 1 2; do
    start_daemon "worker$i" org.apache.spark.deploy.worker.Worker "$MASTER_URL" \
      --host 127.0.0.1 --webui-port 0 --cores "$CORES" --memory "$MEMORY" --work-dir "$RUN_DIR/work$i"
  done
  for i in 1 2; do
    wait_for_log "worker$i" "Successfully registered with master" || { stop; return 1; }
  done
  echo "local-cluster: master and 2 workers up; logs in $RUN_DIR/logs"
  echo "$MASTER_URL"
}

stop() {
  local name p
  for name in worker2 worker1 master; do
    p="$(pid_of "$name")"
    if [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; then
      kill "$p" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$p" 2>/dev/null && kill -9 "$p" 2>/dev/null || true
      echo "local-cluster: stopped $name (pid $p)"
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
}

status() {
  local name running=0
  for name in "${DAEMONS[@]}"; do
    if alive "$name"; then
      echo "$name: running (pid $(pid_of "$name"))"
      running=$((running + 1))
    else
      echo "$name: stopped"
    fi
  done
  [[ $running -eq ${#DAEMONS[@]} ]] && echo "$MASTER_URL"
  [[ $running -eq ${#DAEMONS[@]} ]]
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
