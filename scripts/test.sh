#!/usr/bin/env bash
# Every test of every module: jobs (unit tests on tiny in-memory frames), generator (the generator,
# and end-to-end tests on generated data and the FEBRL sets), bench.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify "$@"
