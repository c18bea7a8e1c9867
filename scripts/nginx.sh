#!/usr/bin/env bash
# Runs the Debian nginx with ops/nginx/nginx.conf in front of local API instances, as its own
# instance (own prefix, pid, logs and temp files under NGINX_DIR) so it never touches a system nginx.
#
#   API_UPSTREAMS="127.0.0.1:3000 127.0.0.1:3002" bash scripts/nginx.sh start
#   bash scripts/nginx.sh stop
#
# NGINX_PORT (default 8080) and NGINX_DIR (default /tmp/ct-nginx) choose the port and directory.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${NGINX_PORT:-8080}
DIR=${NGINX_DIR:-/tmp/ct-nginx}
UPSTREAMS=${API_UPSTREAMS:-127.0.0.1:3000}
NGINX=${NGINX_BIN:-/usr/sbin/nginx}

running() { [ -f "$DIR/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx.pid")" 2>/dev/null; }

prepare() {
  mkdir -p "$DIR/tmp"
  cp ops/nginx/nginx.conf "$DIR/nginx.conf"
  echo "listen 127.0.0.1:$PORT;" >"$DIR/listen.conf"
  : >"$DIR/upstream-servers.conf"
  for server in $UPSTREAMS; do
    # One failure takes an instance out for 5 s: a stopped instance stops getting requests at once.
    echo "server $server max_fails=1 fail_timeout=5s;" >>"$DIR/upstream-servers.conf"
  done
  "$NGINX" -t -q -p "$DIR/" -c "$DIR/nginx.conf"
}

case "${1:-}" in
  start)
    prepare
    if running; then
      "$NGINX" -p "$DIR/" -c "$DIR/nginx.conf" -s reload
      echo "nginx: reloaded on 127.0.0.1:$PORT -> $UPSTREAMS"
    else
      "$NGINX" -p "$DIR/" -c "$DIR/nginx.conf"
      for _ in $(seq 50); do running && break; sleep 0.1; done
      running || { echo "nginx: did not start" >&2; cat "$DIR/error.log" >&2 || true; exit 1; }
      echo "nginx: listening on 127.0.0.1:$PORT -> $UPSTREAMS"
    fi
    ;;
  stop)
    if running; then
      "$NGINX" -p "$DIR/" -c "$DIR/nginx.conf" -s quit
      for _ in $(seq 50); do running || break; sleep 0.1; done
    fi
    echo "nginx: stopped"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
