#!/usr/bin/env bash
# Issue 14's target "4 concurrent uploads do not push public query p99 above
# 3x its quiet value", measured: one server (embedded SQLite with the demo
# content by default, DATABASE_URL for PostgreSQL), the public mix at
# CONCURRENCY connections for DURATION, alternately quiet and with UPLOADERS
# editors uploading 12-megapixel JPEGs one after another, ROUNDS times; then
# the p99 of each run and the ratio of each pair. Pairs alternate so that a
# change in the machine's other load spreads over both sides.
#   server/tools/loadgen/uploads.sh [DURATION] [CONCURRENCY] [UPLOADERS] [ROUNDS]
set -euo pipefail
dur="${1:-15s}" conc="${2:-8}" uploaders="${3:-4}" rounds="${4:-3}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
tmp="$(mktemp -d)"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
cd "$root"
go build -o "$tmp/server" ./server
go build -o "$tmp/loadgen" ./server/tools/loadgen
db="${DATABASE_URL:-$tmp/demo.db}"
DATABASE_URL="$db" "$tmp/server" migrate > /dev/null
DATABASE_URL="$db" "$tmp/server" seed > /dev/null 2>&1 || true # an existing database keeps its content
tok="$(DATABASE_URL="$db" "$tmp/server" token create -name "uploads-$$" -role editor | tail -n 1)"
DATABASE_URL="$db" ADDR=127.0.0.1:58190 RATE_LIMIT=0 LOG_LEVEL=warn DEMO_CONTENT=false \
  MEDIA_URL="file://$tmp/media" "$tmp/server" & pid=$!
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' http://127.0.0.1:58190/graphql 2>/dev/null && break
  sleep 0.5
done
url=http://127.0.0.1:58190/graphql
"$tmp/loadgen" -url "$url" -duration 3s -c "$conc" -mix public -metrics-url '' > /dev/null # warm-up
# p99 FILE: the run's p99 in milliseconds.
p99() { awk '$1 == "latency" { for (i = 1; i < NF; i++) if ($i == "p99") { v = $(i + 1); s = (v ~ /µs$/) ? 0.001 : (v ~ /ms$/ ? 1 : 1000); sub(/[µm]?s$/, "", v); print v * s } }' "$1"; }
echo "public mix, $conc connections, $dur per run; uploads: $uploaders editors, 12 MP JPEGs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$rounds"); do
  "$tmp/loadgen" -url "$url" -duration "$dur" -c "$conc" -mix public -metrics-url '' > "$tmp/quiet.$r"
  LOADGEN_TOKEN="$tok" "$tmp/loadgen" -url "$url" -duration "$dur" -c "$conc" -mix public -metrics-url '' -uploads "$uploaders" > "$tmp/busy.$r"
  echo "--- round $r: quiet"; grep -E '^(requests|latency)' "$tmp/quiet.$r"
  echo "--- round $r: $uploaders uploading"; grep -E '^(requests|latency)|uploaded' "$tmp/busy.$r"
  awk -v q="$(p99 "$tmp/quiet.$r")" -v b="$(p99 "$tmp/busy.$r")" 'BEGIN { printf "round p99: quiet %.1f ms, uploading %.1f ms: %.2fx (target <= 3x)\n", q, b, b / q }'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
