#!/usr/bin/env bash
# Side by side on one machine (README, "Performance"): our server uncached,
# then with the response cache warm, the PostGraphile peer on the same
# database, and the ceiling (a plain handler serving the captured featured
# page). Each run prints the load report and the CPU each request cost the
# server process and PostgreSQL (from /proc, so Linux only): on a machine
# shared with other work, CPU per request is steadier than req/s.
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB?sslmode=disable \
#     server/tools/loadgen/compare.sh [DURATION] [CONCURRENCY] [MIX]
# DB must hold published content (`server migrate` + `server seed`, or
# `server seed --synthetic`), analysed (`VACUUM ANALYZE`). Everything it
# starts is stopped at the end. PGCOUNT=1 puts both servers behind a
# `loadgen pgcount` proxy to count the peer's statements too (the proxy
# costs CPU on the same machine, so leave it off for timings).
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL (sslmode=disable) to the seeded database}"
dur="${1:-15s}" conc="${2:-32}" mix="${3:-featured}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
bin="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$bin"; }
trap cleanup EXIT
cd "$root"
go build -o "$bin/server" ./server
go build -o "$bin/loadgen" ./server/tools/loadgen
db="$DATABASE_URL" count=()
if [ "${PGCOUNT:-0}" = 1 ]; then
  db="$(echo "$DATABASE_URL" | sed -E 's#@([^/:]+)(:[0-9]+)?/#@127.0.0.1:55433/#')"
  "$bin/loadgen" pgcount -listen 127.0.0.1:55433 -upstream 127.0.0.1:5432 -metrics 127.0.0.1:59187 & pids+=($!)
  count=(-pg-count-url http://127.0.0.1:59187/metrics)
fi
# wait_for URL: until a GraphQL POST of {__typename} answers.
wait_for() {
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "no answer from $1" >&2; return 1
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { local t=0; for p in $(pgrep -x postgres || true); do t=$((t + $(ticks "$p"))); done; echo "$t"; }
# load PID ARGS...: a warm-up, then the measured run, then CPU per request
# of process PID (and its children) and of all postgres processes.
load() {
  local pid=$1; shift
  "$bin/loadgen" -duration 3s -c "$conc" -mix "$mix" -metrics-url '' "$@" > /dev/null
  local s0 p0 s1 p1 n hz
  s0=$(ticks "$pid"); p0=$(pg_ticks)
  "$bin/loadgen" -duration "$dur" -c "$conc" -mix "$mix" "${count[@]}" "$@" | tee "$bin/report"
  s1=$(ticks "$pid"); p1=$(pg_ticks)
  n=$(awk '/^requests/ {print $2}' "$bin/report"); hz=$(getconf CLK_TCK)
  awk -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v n="$n" -v hz="$hz" \
    'BEGIN { printf "CPU per request: server %.2f ms, PostgreSQL %.2f ms\n\n", s * 1000 / hz / n, p * 1000 / hz / n }'
}
serve() { # serve PORT CACHE_MB
  DATABASE_URL="$db" ADDR=127.0.0.1:$1 RATE_LIMIT=0 LOG_LEVEL=warn AUTO_MIGRATE=false DEMO_CONTENT=false \
    RESPONSE_CACHE_MB=$2 "$bin/server" & pids+=($!)
  wait_for "http://127.0.0.1:$1/graphql"
}

echo "== ours, uncached (RESPONSE_CACHE_MB=0)"
serve 58090 0
load "${pids[-1]}" -url http://127.0.0.1:58090/graphql
kill "${pids[-1]}"

echo "== ours, response cache warm"
serve 58091 64
ours=${pids[-1]}
load "$ours" -url http://127.0.0.1:58091/graphql
"$bin/loadgen" ceiling -from http://127.0.0.1:58091/graphql -addr 127.0.0.1:58099 & pids+=($!)
ceiling=${pids[-1]}
wait_for http://127.0.0.1:58099/graphql
kill "$ours"

echo "== peer (PostGraphile 5)"
DATABASE_URL="$db" PEER_ADDR=127.0.0.1:55678 server/tools/loadgen/peer/run-peer.sh > "$bin/peer.log" 2>&1 & pids+=($!)
wait_for http://127.0.0.1:55678/graphql || { cat "$bin/peer.log"; exit 1; }
load "${pids[-1]}" -url http://127.0.0.1:55678/graphql -ops server/tools/loadgen/peer/ops -metrics-url ''
kill "${pids[-1]}"

echo "== ceiling: a plain Go handler serving our featured page's bytes"
count=()
load "$ceiling" -url http://127.0.0.1:58099/graphql -mix featured -metrics-url ''
