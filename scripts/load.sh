#!/usr/bin/env bash
# make load: bounded load test (not in CI).
# LOAD_CLIENTS (20) concurrent clients for LOAD_SECONDS (60), talking to Odoo
# as the web client does (LOAD_API=jsonrpc: the external API instead);
# LOAD_WRITERS of them (half by default) write, the others read.
#
#   make load                   one node: Odoo started with --workers=4 on a
#                               throwaway database with demo data
#   make load TARGET=cluster    the cluster of `make cluster` (through its
#                               proxy; the replica's and the primary's
#                               transactions and the requests per node counted)
#   make load TARGET=one-node   its reference: one Odoo with the workers of
#                               both nodes on the same primary, no replica
#                               (scripts/cluster.sh one-node-stop stops it)
#   make load LOAD_URL=http://host:port LOAD_DB=db [LOAD_REPLICA_DSN=...
#                               LOAD_PRIMARY_DSN=...]   any running server
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=(--clients "${LOAD_CLIENTS:-20}" --seconds "${LOAD_SECONDS:-60}" --api "${LOAD_API:-web}"
  ${LOAD_WRITERS:+--writers "$LOAD_WRITERS"})
if [ "${TARGET:-}" = cluster ] || [ "${TARGET:-}" = one-node ]; then
  [ -f var/cluster/cluster.env ] || { echo "[load] no cluster: run 'make cluster' first" >&2; exit 1; }
  [ "$TARGET" = one-node ] && ./scripts/cluster.sh one-node
  while IFS='=' read -r key value; do
    case "$key" in LOAD_*) [ -n "${!key:-}" ] || export "$key=$value" ;; esac
  done < <(grep -v '^#' "var/cluster/$TARGET.env")
  ./scripts/cluster.sh status
fi
if [ -n "${LOAD_URL:-}" ]; then
  [ -n "${LOAD_DB:-}" ] || { echo "[load] LOAD_URL needs LOAD_DB" >&2; exit 1; }
  echo "[load] target $LOAD_URL, database $LOAD_DB"
  exec .venv/bin/python scripts/load.py --url "$LOAD_URL" --db "$LOAD_DB" "${ARGS[@]}" \
    ${LOAD_PRIMARY_DSN:+--primary-dsn "$LOAD_PRIMARY_DSN"} \
    ${LOAD_REPLICA_DSN:+--replica-dsn "$LOAD_REPLICA_DSN"} \
    ${LOAD_ACCESS_LOG:+--access-log "$LOAD_ACCESS_LOG"}
fi

DB=hc_load_$(date +%s)
PORT=${LOAD_PORT:-8079}
CONF=var/odoo-load.conf
LOG_LEVEL=warn HTTP_PORT=$PORT ./scripts/odoo_conf.sh "$CONF" >/dev/null
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null || true
  sleep 2
  dropdb --if-exists "$DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT
echo "[load] installing both addons with demo data into $DB"
.venv/bin/odoo -c "$CONF" -d "$DB" -i health_charity,health_charity_reports \
  --stop-after-init --log-level=warn 2>&1 | grep -v "Running as" || true
.venv/bin/odoo -c "$CONF" -d "$DB" --db-filter="^$DB\$" --workers=4 --max-cron-threads=0 \
  --http-port="$PORT" --log-level=warn --limit-time-real=600 > var/load-server.log 2>&1 &
PID=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/web/login" >/dev/null && break; sleep 1; done
.venv/bin/python scripts/load.py --url "http://127.0.0.1:$PORT" --db "$DB" "${ARGS[@]}" \
  --primary-dsn "host=${PGHOST:-127.0.0.1} port=${PGPORT:-5432} user=${PGUSER:-$(id -un)}"
