#!/usr/bin/env bash
# Runs once when the compose primary is initialised: lets the replica stream WAL with the password.
set -euo pipefail
echo "host replication postgres all scram-sha-256" >>"$PGDATA/pg_hba.conf"
