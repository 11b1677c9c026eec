#!/usr/bin/env bash
# Installs and starts the PostGraphile 5 peer (README, "Performance").
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/brandshow?sslmode=disable \
#     server/loadgen/peer/run-peer.sh [WORKDIR]
# WORKDIR (default /tmp/brandshow-peer) receives node_modules; nothing is
# written in the repository. PEER_ADDR (127.0.0.1:5678) is where it listens.
# Node 22 comes from npm's `node` package, whatever node the machine has.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/brandshow-peer}"
: "${DATABASE_URL:?set DATABASE_URL to the database filled by server seed}"
mkdir -p "$work"
cp "$here/package.json" "$here/graphile.config.mjs" "$work/"
cd "$work"
if [ ! -x node_modules/node/bin/node ] || [ package.json -nt node_modules/.installed ]; then
  npm install --no-audit --no-fund --loglevel=error
  touch node_modules/.installed
fi
psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -q -f "$here/peer.sql"
export NODE_ENV=production
exec ./node_modules/node/bin/node ./node_modules/postgraphile/dist/cli-run.js
