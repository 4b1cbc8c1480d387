#!/usr/bin/env bash
# Runs one subcommand locally (local[*], Maven classpath): scripts/run.sh ingest --config F --run-date D
set -euo pipefail
source "$(dirname "$0")/lib.sh"
run_job "$@"
