#!/usr/bin/env bash
# Generates the demo's sample data (customers, seed incidents, ground truth, config.json):
#   scripts/generate-sample-data.sh [--out DIR] [--seed N] [--scale X] [--difficulty easy|realistic|hard] [--noise KEY=RATE]...
# Default output: out/demo at the repository root. Same options, byte-identical files.
# The noise model and its knobs: docs/generator.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out="$ROOT/out/demo"
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --seed|--scale|--difficulty|--noise) args+=("$1" "$2"); shift 2 ;;
    --seed=*|--scale=*|--difficulty=*|--noise=*) args+=("$1"); shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "error: unknown option $1 (expected --out, --seed, --scale, --difficulty, --noise)" >&2; exit 2 ;;
  esac
done
run_job generate --out "$out" "${args[@]}"
