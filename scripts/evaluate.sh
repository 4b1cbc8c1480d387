#!/usr/bin/env bash
# Grades the pipeline's output against the generator's ground truth:
#   ./scripts/evaluate.sh [output-folder]      (default out/demo; needs config.json and ground-truth/ there)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
OUT="${1:-$ROOT/out/demo}"
TRUTH="${2:-$OUT/ground-truth}"
run_job evaluate --config "$OUT/config.json" --truth "$TRUTH"
