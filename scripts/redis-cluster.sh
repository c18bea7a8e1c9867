#!/usr/bin/env bash
# A local 3-master Redis Cluster on 127.0.0.1:7001-7003 from the installed redis-server, for the
# suites that must pass on a cluster (queue, holds, coupons, the catalogue's rankings, view flush and
# detail cache). Nothing is persisted: the data dirs live under /tmp and are recreated on start.
# Idempotent: start on a healthy cluster does nothing.
#
#   bash scripts/redis-cluster.sh start    # prints REDIS_CLUSTER_NODES=127.0.0.1:7001,...
#   bash scripts/redis-cluster.sh status
#   bash scripts/redis-cluster.sh stop
#
# REDIS_CLUSTER_PORTS="7101 7102 7103" (and REDIS_CLUSTER_DIR) run a second cluster beside the
# default one, e.g. for two checkouts testing at once; give the same variables to stop it.
set -euo pipefail

read -r -a PORTS <<<"${REDIS_CLUSTER_PORTS:-7001 7002 7003}"
HOST=127.0.0.1
BASE=${REDIS_CLUSTER_DIR:-/tmp/ct-redis-cluster-${PORTS[0]}}
NODES=$(printf "$HOST:%s," "${PORTS[@]}")
NODES=${NODES%,}

cli() { redis-cli -h "$HOST" -p "$1" "${@:2}"; }
up() { cli "$1" ping >/dev/null 2>&1; }
cluster_ok() { cli "${PORTS[0]}" cluster info 2>/dev/null | grep -q '^cluster_state:ok'; }
# A node that knows the other two has already been joined.
known_nodes() { cli "$1" cluster info 2>/dev/null | sed -n 's/^cluster_known_nodes:\([0-9]*\).*/\1/p'; }

start_node() {
  local port=$1 dir="$BASE/$1"
  if up "$port"; then return 0; fi
  rm -rf "$dir" && mkdir -p "$dir"
  redis-server --daemonize yes --bind "$HOST" --port "$port" --dir "$dir" \
    --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 5000 \
    --save "" --appendonly no --logfile "$dir/redis.log" --pidfile "$dir/redis.pid"
}

wait_until() { # tries, command...
  local tries=$1; shift
  for _ in $(seq "$tries"); do
    if "$@"; then return 0; fi
    sleep 0.2
  done
  return 1
}

start() {
  if cluster_ok; then
    echo "redis-cluster: already running"
    echo "REDIS_CLUSTER_NODES=$NODES"
    return 0
  fi
  for port in "${PORTS[@]}"; do start_node "$port"; done
  for port in "${PORTS[@]}"; do
    wait_until 50 up "$port" || { echo "redis-cluster: node $port did not start" >&2; exit 1; }
  done
  if [ "$(known_nodes "${PORTS[0]}")" != "${#PORTS[@]}" ]; then
    # Fresh nodes: assign the 16384 slots over the three masters and join them.
    local hosts=()
    for port in "${PORTS[@]}"; do hosts+=("$HOST:$port"); done
    redis-cli --cluster create "${hosts[@]}" --cluster-replicas 0 --cluster-yes >/dev/null
  fi
  if ! wait_until 150 cluster_ok; then
    echo "redis-cluster: cluster_state did not become ok" >&2
    cli "${PORTS[0]}" cluster info >&2 || true
    exit 1
  fi
  echo "redis-cluster: ready"
  echo "REDIS_CLUSTER_NODES=$NODES"
}

stop() {
  for port in "${PORTS[@]}"; do
    if up "$port"; then cli "$port" shutdown nosave >/dev/null 2>&1 || true; fi
  done
  rm -rf "$BASE"
  echo "redis-cluster: stopped"
}

status() {
  for port in "${PORTS[@]}"; do
    if up "$port"; then echo "node $port: up"; else echo "node $port: down"; fi
  done
  if cluster_ok; then
    echo "cluster_state:ok"
    echo "REDIS_CLUSTER_NODES=$NODES"
  else
    echo "cluster not ready"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
