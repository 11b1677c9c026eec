#!/usr/bin/env bash
# Installs and starts the PostGraphile 5 peer (README, "Performance").
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/brandshow?sslmode=disable \
#     server/tools/loadgen/peer/run-peer.sh [WORKDIR]
# WORKDIR (default /tmp/brandshow-peer) receives node_modules; nothing is
# written in the repository. PEER_ADDR (127.0.0.1:5678) is where it listens.
# Node 22 comes from npm's `node` package, whatever node the machine has.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/brandshow-peer}"
: "${DATABASE_URL:?set DATABASE_URL to the database filled by server seed}"
mkdir -p "$work"
cp "$here/graphile.config.mjs" "$work/"
cd "$work"
# Install the locked versions when the lock file changed (or never was installed).
if ! cmp -s "$here/package-lock.json" package-lock.json || [ ! -x node_modules/node/bin/node ]; then
  cp "$here/package.json" "$here/package-lock.json" .
  npm ci --no-audit --no-fund --loglevel=error || { rm -f package-lock.json; exit 1; }
fi
psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -q -f "$here/peer.sql"
export NODE_ENV=production
exec ./node_modules/node/bin/node ./node_modules/postgraphile/dist/cli-run.js
