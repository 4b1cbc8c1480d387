# Shared by the scripts: Java 17 flags for Spark, Maven classpath of the modules.
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

# The scripts' classpath (run_job, and the single-file programs scripts/*.java): the classes of the
# three modules (bench's first: its BreachImpactTools is the scripts' command line), the jobs'
# runtime libraries, then those only the generator and the bench need (Datafaker, DuckDB), then the
# jobs' provided scope (Spark). Jobs' own files keep their names: local-cluster.sh and submit.sh read
# jobs/target/classpath.provided.txt and classpath.runtime.txt (the production code's libraries).
SCRIPTS_CLASSPATH="$ROOT/bench/target/classpath.txt"
# The main class of the scripts' command line: the production subcommands (the spark-submit jar's
# fr.breachimpact.cli.BreachImpact) plus generate and bench.
SCRIPTS_MAIN=fr.breachimpact.tools.BreachImpactTools

# Builds every module (skipping tests) when the classes are older than the sources, and writes the
# scripts' classpath to $SCRIPTS_CLASSPATH.
ensure_built() {
  local stamp="$SCRIPTS_CLASSPATH" module
  local sources=("$ROOT/pom.xml")
  for module in jobs generator bench; do
    sources+=("$ROOT/$module/src/main" "$ROOT/$module/pom.xml")
  done
  if [[ ! -f "$stamp" ]] || [[ -n "$(find "${sources[@]}" -newer "$stamp" -print -quit)" ]]; then
    echo "building jobs, generator, bench (mvn -DskipTests package)..." >&2
    local log
    log="$(mktemp)"
    # One reactor run: each module's target/classpath.{runtime,provided}.txt (executions in the
    # parent pom), the modules resolved to this build's own classes and jars.
    if ! (cd "$ROOT" && mvn -B -q -DskipTests package \
      dependency:build-classpath@classpath-runtime dependency:build-classpath@classpath-provided) >"$log" 2>&1; then
      cat "$log" >&2
      echo "build failed" >&2
      return 1
    fi
    rm -f "$log"
    # The modules' own jars are left out of bench's list (their classes come first); a jar already
    # on the jobs' list is not repeated.
    printf '%s:%s:%s:%s' "$ROOT/bench/target/classes" "$ROOT/generator/target/classes" "$ROOT/jobs/target/classes" \
      "$(cat "$ROOT/jobs/target/classpath.runtime.txt" <(printf ':') "$ROOT/bench/target/classpath.runtime.txt" \
          <(printf ':') "$ROOT/jobs/target/classpath.provided.txt" |
        tr ':' '\n' | awk -v root="$ROOT/" 'NF && index($0, root) != 1 && !seen[$0]++' | paste -sd:)" \
      > "$stamp"
  fi
}

# Runs the scripts' command line locally with the Maven classpath.
run_job() {
  ensure_built
  SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" java "${SPARK_JAVA_OPTS[@]}" "${LOCAL_JVM_OPTS[@]}" -Xmx"${BREACH_IMPACT_DRIVER_MEMORY:-6g}" \
    -Dlog4j2.configurationFile="$ROOT/jobs/src/main/resources/log4j2.properties" \
    -cp "$(cat "$SCRIPTS_CLASSPATH")" "$SCRIPTS_MAIN" "$@"
}
