#!/usr/bin/env bash
# make test: lint, throwaway database with both addons, every test, cleanup.
set -uo pipefail
cd "$(dirname "$0")/.."
DB=hc_test_$(date +%s)_$$
CONF=var/odoo-test.conf
LOG_LEVEL=warn ./scripts/odoo_conf.sh "$CONF" >/dev/null
ODOO=.venv/bin/odoo
PY=.venv/bin/python
rc=0
cleanup() { dropdb --if-exists "$DB" >/dev/null 2>&1 || true; rm -rf "var/data/filestore/$DB"; }
trap cleanup EXIT

echo "== lint"
./scripts/lint.sh || exit 1

echo "== installing health_charity, health_charity_reports into $DB"
if ! "$ODOO" -c "$CONF" -d "$DB" -i health_charity,health_charity_reports \
     --stop-after-init --log-level=warn --without-demo=False --load-language=en_US,fa_IR 2>&1 | tee var/install.log \
     | grep -E "ERROR|CRITICAL|Traceback" ; then :; fi
if grep -qE " (ERROR|CRITICAL) " var/install.log; then
  echo "install failed (see var/install.log)"; exit 1
fi

echo "== addon tests (pytest-odoo)"
.venv/bin/pytest -p no:cacheprovider --odoo-database="$DB" --odoo-config="$CONF" \
  --odoo-http --odoo-log-level=warn -q -r fEs addons/health_charity addons/health_charity_reports \
  addons/health_charity_web_jalali || rc=1

echo "== end-to-end tests (JSON-RPC/XML-RPC against a running server)"
HC_TEST_DB=$DB HC_TEST_CONF=$CONF .venv/bin/pytest -p no:cacheprovider -p no:odoo -q -r fEs tests/ || rc=1

[ $rc = 0 ] && echo "make test: OK" || echo "make test: FAILED"
exit $rc
