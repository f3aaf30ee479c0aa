#!/usr/bin/env bash
# make bench: throwaway database, both addons, generated data, timings as
# ratios against raw PostgreSQL / xlsxwriter baselines in the same process.
# BENCH_ONLY=national runs only the national step (no contributions needed).
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${BENCH_LINES:-100000}
DB=hc_bench_$(date +%s)
CONF=var/odoo-bench.conf
LOG_LEVEL=warn ./scripts/odoo_conf.sh "$CONF" >/dev/null
cleanup() { [ "${BENCH_KEEP_DB:-0}" = 1 ] || dropdb --if-exists "$DB" >/dev/null 2>&1 || true; }
trap cleanup EXIT
echo "[bench] installing both addons into $DB (no demo)"
.venv/bin/odoo -c "$CONF" -d "$DB" -i health_charity,health_charity_reports \
  --stop-after-init --without-demo=all --log-level=warn 2>&1 | grep -v "Running as" || true
.venv/bin/python scripts/bench.py -c "$CONF" -d "$DB" --lines "$LINES" ${BENCH_ONLY:+--only "$BENCH_ONLY"}
