#!/usr/bin/env bash
# Renders the HTML summary to a PNG with Debian's headless Chromium, offline:
#   scripts/render-summary.sh out/demo/summary.html out/demo/summary.png
# Install the browser with `apt-get install -y chromium` if it is missing.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 SUMMARY.html OUT.png" >&2
  exit 2
fi
html="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
png="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
[[ -f "$html" ]] || { echo "error: $1: file not found" >&2; exit 2; }
browser="$(command -v chromium || command -v chromium-browser || true)"
[[ -n "$browser" ]] || { echo "error: chromium not found: apt-get install -y chromium" >&2; exit 3; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
# The page has no network resources; the flags keep Chromium itself off the network too.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$png" --window-size=1280,2000 "file://$html" >/dev/null 2>&1 || true
if [[ ! -s "$png" ]]; then
  echo "error: chromium wrote no screenshot to $png" >&2
  exit 1
fi
echo "rendered $png"
