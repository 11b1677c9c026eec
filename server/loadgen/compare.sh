#!/usr/bin/env bash
# Side by side on one machine (README, "Performance"): our server cold, then
# warm, the PostGraphile peer on the same database, and the ceiling (a
# plain handler serving the captured featured page). Both servers reach
# PostgreSQL through `loadgen pgcount`, so statements are counted the same
# way for both (and both pay the same extra hop).
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB?sslmode=disable \
#     server/loadgen/compare.sh [DURATION] [CONCURRENCY] [MIX]
# DB must hold published content (`server migrate` + `server seed`).
# Prints each run's report; everything it starts is stopped at the end.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL (sslmode=disable) to the seeded database}"
dur="${1:-10s}" conc="${2:-32}" mix="${3:-public}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$bin"; }
trap cleanup EXIT
cd "$root"
go build -o "$bin/server" ./server
go build -o "$bin/loadgen" ./server/loadgen
proxied="$(echo "$DATABASE_URL" | sed -E 's#@([^/:]+)(:[0-9]+)?/#@127.0.0.1:55433/#')"
"$bin/loadgen" pgcount -listen 127.0.0.1:55433 -upstream 127.0.0.1:5432 -metrics 127.0.0.1:59187 & pids+=($!)
count=http://127.0.0.1:59187/metrics
# wait_for URL: until a GraphQL POST of {__typename} answers.
wait_for() {
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "no answer from $1" >&2; return 1
}
load() { "$bin/loadgen" -duration "$dur" -c "$conc" -mix "$mix" -pg-count-url "$count" "$@"; echo; }

echo "== ours, cold (fresh process, no warm-up)"
DATABASE_URL="$proxied" ADDR=127.0.0.1:58090 RATE_LIMIT=0 LOG_LEVEL=warn AUTO_MIGRATE=false DEMO_CONTENT=false "$bin/server" & ours=$!; pids+=($ours)
wait_for http://127.0.0.1:58090/graphql
load -url http://127.0.0.1:58090/graphql
echo "== ours, warm (same process, second run)"
load -url http://127.0.0.1:58090/graphql
echo "== ours, featured page only"
load -url http://127.0.0.1:58090/graphql -mix featured
"$bin/loadgen" ceiling -from http://127.0.0.1:58090/graphql -addr 127.0.0.1:58099 & pids+=($!)
wait_for http://127.0.0.1:58099/graphql
kill "$ours"

echo "== peer (PostGraphile 5), first run"
DATABASE_URL="$proxied" PEER_ADDR=127.0.0.1:55678 server/loadgen/peer/run-peer.sh > "$bin/peer.log" 2>&1 & pids+=($!)
wait_for http://127.0.0.1:55678/graphql || { cat "$bin/peer.log"; exit 1; }
load -url http://127.0.0.1:55678/graphql -ops server/loadgen/peer/ops -metrics-url ''
echo "== peer, second run"
load -url http://127.0.0.1:55678/graphql -ops server/loadgen/peer/ops -metrics-url ''
echo "== peer, featured page only"
load -url http://127.0.0.1:55678/graphql -ops server/loadgen/peer/ops -metrics-url '' -mix featured

echo "== ceiling: a plain Go handler serving our featured page's bytes"
load -url http://127.0.0.1:58099/graphql -mix featured -metrics-url '' -pg-count-url ''
