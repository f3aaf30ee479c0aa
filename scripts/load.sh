#!/usr/bin/env bash
# make load: bounded JSON-RPC load test on localhost (not in CI).
# LOAD_CLIENTS (20) concurrent clients for LOAD_SECONDS (60) against an Odoo
# started with workers on a throwaway database with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
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
.venv/bin/python scripts/load.py --url "http://127.0.0.1:$PORT" --db "$DB" \
  --clients "${LOAD_CLIENTS:-20}" --seconds "${LOAD_SECONDS:-60}"
