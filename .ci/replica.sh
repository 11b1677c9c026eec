#!/usr/bin/env bash
# A streaming read replica of the CI PostgreSQL (15/main on 127.0.0.1:5432)
# as a second cluster, 15/replica on 127.0.0.1:5433, made with
# `pg_basebackup -R`. Idempotent: a running, streaming replica is left as
# it is; a broken one is rebuilt. Run as root. Prints the replica's URL.
#
# The primary is only reloaded (pg_hba.conf gets replication lines), never
# restarted: wal_level=replica and max_wal_senders>0 are PostgreSQL 15's
# defaults; if they were changed, the script says so and stops.
set -euo pipefail

VER="${PG_VERSION:-$(ls /etc/postgresql | sort -n | tail -n1)}"
PRIMARY_PORT=5432
PORT="${REPLICA_PORT:-5433}"
NAME=replica
DATA="/var/lib/postgresql/$VER/$NAME"
HBA="/etc/postgresql/$VER/main/pg_hba.conf"
psqlp() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -XAtqc "$1"; }

pg_isready -h 127.0.0.1 -p "$PRIMARY_PORT" -q || { echo "replica.sh: the primary on :$PRIMARY_PORT is not running" >&2; exit 1; }

wal_level=$(psqlp 'show wal_level')
senders=$(psqlp 'show max_wal_senders')
if [ "$wal_level" = minimal ] || [ "$senders" = 0 ]; then
  echo "replica.sh: the primary has wal_level=$wal_level, max_wal_senders=$senders: set wal_level=replica and max_wal_senders=10 and restart it" >&2
  exit 1
fi

# Replication connections match only lines naming "replication".
if ! grep -qE '^[[:space:]]*host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$HBA"; then
  printf '\n# brandshow CI: streaming replica on this machine (.ci/replica.sh)\nlocal replication all trust\nhost replication all 127.0.0.1/32 trust\n' >>"$HBA"
  psqlp 'select pg_reload_conf()' >/dev/null
  sleep 1
fi

streaming() {
  pg_isready -h 127.0.0.1 -p "$PORT" -q &&
    [ "$(psql -h 127.0.0.1 -p "$PORT" -U postgres -XAtqc 'select pg_is_in_recovery()' 2>/dev/null)" = t ] &&
    [ "$(psqlp "select count(*) from pg_stat_replication where state = 'streaming'")" != 0 ]
}

if pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VER $NAME"; then
  if ! pg_isready -h 127.0.0.1 -p "$PORT" -q; then
    pg_ctlcluster --skip-systemctl-redirect "$VER" "$NAME" start || true
  fi
  for _ in $(seq 1 20); do streaming && break; sleep 0.5; done
  if streaming; then
    # A test that died while it had paused the replay leaves it paused.
    psql -h 127.0.0.1 -p "$PORT" -U postgres -XAtqc "select pg_wal_replay_resume() where pg_get_wal_replay_pause_state() <> 'not paused'" >/dev/null
    echo "postgres://postgres@127.0.0.1:$PORT/test?sslmode=disable"
    exit 0
  fi
  echo "replica.sh: cluster $VER/$NAME exists but does not stream; rebuilding it" >&2
  pg_ctlcluster --skip-systemctl-redirect "$VER" "$NAME" stop -m fast 2>/dev/null || true
  pg_dropcluster "$VER" "$NAME"
fi

# A new cluster (configuration under /etc/postgresql), whose data directory
# is then replaced by a base backup of the primary; -R writes
# primary_conninfo and standby.signal.
pg_createcluster "$VER" "$NAME" -p "$PORT" >/dev/null
rm -rf "$DATA"
install -d -o postgres -g postgres -m 700 "$DATA"
runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DATA" -R -X stream -c fast
# A standby must allow at least as many connections as the primary.
conf="/etc/postgresql/$VER/$NAME/postgresql.conf"
for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
  v=$(psqlp "show $setting")
  sed -i "/^$setting[[:space:]]*=/d" "$conf"
  echo "$setting = $v" >>"$conf"
done
echo "hot_standby_feedback = on" >>"$conf"
# Clients authenticate on the replica as on the primary.
install -o postgres -g postgres -m 640 "$HBA" "/etc/postgresql/$VER/$NAME/pg_hba.conf"
pg_ctlcluster --skip-systemctl-redirect "$VER" "$NAME" start
for _ in $(seq 1 60); do streaming && break; sleep 0.5; done
streaming || { echo "replica.sh: the replica does not stream" >&2; tail -n 30 "/var/log/postgresql/postgresql-$VER-$NAME.log" >&2; exit 1; }
echo "postgres://postgres@127.0.0.1:$PORT/test?sslmode=disable"
