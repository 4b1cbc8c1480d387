#!/usr/bin/env bash
# Every test: unit tests on tiny in-memory frames and end-to-end tests on generated data.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify "$@"
