#!/usr/bin/env bash
# A local streaming replica of the machine's PostgreSQL 15 cluster on 127.0.0.1:5433, for the
# read/write split (DATABASE_REPLICA_URL) and its read-your-writes test. Idempotent.
#
#   bash scripts/pg-replica.sh start [--apply-delay 2s]   # delay: recovery_min_apply_delay (0 = none)
#   bash scripts/pg-replica.sh status
#   bash scripts/pg-replica.sh stop
#
# The replica is cloned with pg_basebackup -R (standby.signal + primary_conninfo) into a scratch
# directory and mirrors the whole primary cluster, test databases included.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
PRIMARY_CONF=/etc/postgresql/15/main
PRIMARY_PORT=5432
PORT=${PG_REPLICA_PORT:-5433}
DIR=${PG_REPLICA_DIR:-/var/tmp/ct-pg-replica}
NAME=ct_replica
DELAY=0

as_postgres() { runuser -u postgres -- "$@"; }
primary() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -tAc "$1"; }
replica_up() { pg_isready -h 127.0.0.1 -p "$PORT" -q; }
streaming() {
  [ "$(primary "SELECT count(*) FROM pg_stat_replication WHERE application_name = '$NAME' AND state = 'streaming'")" -ge 1 ]
}
wait_until() { # tries (of 0.5 s), command...
  local tries=$1; shift
  for _ in $(seq "$tries"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  return 1
}

allow_replication() {
  local hba="$PRIMARY_CONF/pg_hba.conf" line="host replication all 127.0.0.1/32 trust"
  if ! grep -qE '^host\s+replication\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    echo "pg-replica: allowing local replication connections in $hba"
    echo "$line" >>"$hba"
    primary "SELECT pg_reload_conf()" >/dev/null
  fi
}

# The delay lives in its own file so a running replica can change it with a reload.
write_delay() {
  echo "recovery_min_apply_delay = '$DELAY'" >"$DIR/apply-delay.conf"
  chown postgres:postgres "$DIR/apply-delay.conf"
}

write_config() {
  # A hot standby needs these at least as high as on the primary.
  local settings=""
  for name in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
    settings+="$name = $(primary "SHOW $name")"$'\n'
  done
  cat >"$DIR/postgresql.conf" <<EOF
# Written by scripts/pg-replica.sh
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$DIR'
cluster_name = '$NAME'
hot_standby = on
hot_standby_feedback = on
fsync = off
${settings}include = 'apply-delay.conf'
EOF
  cat >"$DIR/pg_hba.conf" <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
  chown postgres:postgres "$DIR/postgresql.conf" "$DIR/pg_hba.conf"
  write_delay
}

start() {
  allow_replication
  if replica_up; then
    write_delay
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR" reload >/dev/null
    echo "pg-replica: already running (apply delay $DELAY)"
  else
    echo "pg-replica: cloning the primary into $DIR"
    rm -rf "$DIR"
    mkdir -p "$DIR" && chown postgres:postgres "$DIR" && chmod 700 "$DIR"
    as_postgres pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DIR" -R -X stream -c fast
    write_config
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR" -l "$DIR/replica.log" -w -t 60 start >/dev/null
  fi
  wait_until 120 replica_up || { echo "pg-replica: replica does not accept connections" >&2; tail -20 "$DIR/replica.log" >&2; exit 1; }
  wait_until 120 streaming || { echo "pg-replica: not in pg_stat_replication" >&2; tail -20 "$DIR/replica.log" >&2; exit 1; }
  echo "pg-replica: streaming on 127.0.0.1:$PORT (apply delay $DELAY)"
  echo "PG_REPLICA_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
}

stop() {
  if [ -f "$DIR/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$DIR"
  echo "pg-replica: stopped"
}

status() {
  if replica_up && streaming; then
    echo "pg-replica: streaming on 127.0.0.1:$PORT"
  else
    echo "pg-replica: not running"
    return 1
  fi
}

command=${1:-}
shift || true
while [ $# -gt 0 ]; do
  case "$1" in
    --apply-delay)
      DELAY=${2:?--apply-delay needs a value such as 2s}
      shift 2
      ;;
    *)
      echo "unknown option $1" >&2
      exit 2
      ;;
  esac
done

case "$command" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start [--apply-delay 2s] | stop | status" >&2
    exit 2
    ;;
esac
