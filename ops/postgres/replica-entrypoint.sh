#!/usr/bin/env bash
# The compose replica: clones the primary once (pg_basebackup -R writes standby.signal and
# primary_conninfo), then runs as a hot standby. PGPASSWORD comes from the environment.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h postgres -U postgres -q; do sleep 1; done
  pg_basebackup -h postgres -U postgres -D "$PGDATA" -R -X stream -c fast
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on
