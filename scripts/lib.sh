# Shared by the scripts: Java 17 flags for Spark, Maven classpath of the jobs module.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPARK_JAVA_OPTS=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false)

# A local run's one JVM runs every task on the machine's few cores: the throughput collector
# leaves them to the tasks, where G1's concurrent threads and write barriers take a share of them.
# Same data, one after the other (docs/benchmarks.md): customers 107 -> 98 s, link 219 -> 184 s.
# Not for a cluster's executors (scripts/submit.sh), whose large heaps G1 suits.
LOCAL_JVM_OPTS=(-XX:+UseParallelGC)

# Builds the jobs module (skipping tests) when its classes are older than its sources,
# and writes the runtime classpath (Spark included) to jobs/target/classpath.txt.
ensure_built() {
  local stamp="$ROOT/jobs/target/classpath.txt"
  if [[ ! -f "$stamp" ]] || [[ -n "$(find "$ROOT/jobs/src/main" "$ROOT/jobs/pom.xml" "$ROOT/pom.xml" -newer "$stamp" -print -quit)" ]]; then
    echo "building jobs (mvn -DskipTests package)..." >&2
    local log
    log="$(mktemp)"
    if ! { (cd "$ROOT" && mvn -B -q -DskipTests package) &&
      (cd "$ROOT/jobs" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=provided \
        -Dmdep.outputFile=target/classpath.provided.txt) &&
      (cd "$ROOT/jobs" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=runtime \
        -Dmdep.outputFile=target/classpath.runtime.txt); } >"$log" 2>&1; then
      cat "$log" >&2
      echo "build failed" >&2
      return 1
    fi
    rm -f "$log"
    printf '%s:%s:%s' "$ROOT/jobs/target/classes" "$(cat "$ROOT/jobs/target/classpath.runtime.txt")" \
      "$(cat "$ROOT/jobs/target/classpath.provided.txt")" > "$stamp"
  fi
}

# Runs the job entry point locally with the Maven classpath.
run_job() {
  ensure_built
  SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" java "${SPARK_JAVA_OPTS[@]}" "${LOCAL_JVM_OPTS[@]}" -Xmx"${BREACH_IMPACT_DRIVER_MEMORY:-6g}" \
    -Dlog4j2.configurationFile="$ROOT/jobs/src/main/resources/log4j2.properties" \
    -cp "$(cat "$ROOT/jobs/target/classpath.txt")" fr.breachimpact.cli.BreachImpact "$@"
}
