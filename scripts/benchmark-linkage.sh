#!/usr/bin/env bash
# Linkage and deduplication on public benchmarks nobody here wrote (FEBRL, attribution in
# generator/src/test/resources/febrl/README.md): each set wrapped as incidents, a customer master and a
# ground truth, then the real nightly and evaluate. Prints evaluate's lines per set.
#   ./scripts/benchmark-linkage.sh [--out DIR] [febrl4] [febrl3]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
OUT="$ROOT/out/benchmark-linkage"
SETS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUT="$2"; shift 2 ;;
    febrl4|febrl3) SETS+=("$1"); shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "benchmark-linkage.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ ${#SETS[@]} -gt 0 ]] || SETS=(febrl4 febrl3)
ensure_built
for set in "${SETS[@]}"; do
  dir="$OUT/$set"
  rm -rf "$dir"
  mkdir -p "$dir"
  java -cp "$(cat "$SCRIPTS_CLASSPATH")" fr.breachimpact.generate.FebrlDataSet \
    "$set" "$ROOT/generator/src/test/resources/febrl" "$dir" >/dev/null
  (umask 077 && head -c 32 /dev/urandom | base64 > "$dir/pseudonym.key")
  run_job nightly --config "$dir/config.json" --run-date 2026-11-29 > "$dir/nightly.log" 2>&1 \
    || { echo "benchmark-linkage: $set nightly failed, see $dir/nightly.log" >&2; exit 1; }
  grep -E '^link blocking|^stage=(link|resolve)' "$dir/nightly.log" | sed "s/^/$set /"
  run_job evaluate --config "$dir/config.json" --truth "$dir/ground-truth" 2>/dev/null | sed "s/^/$set /"
done
