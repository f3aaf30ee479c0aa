#!/usr/bin/env bash
# make run: create the demo database once, then serve Odoo on :8069.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${HC_DB:-health_charity}
CONF=$(./scripts/odoo_conf.sh var/odoo.conf)
ODOO=.venv/bin/odoo
if ! psql -d postgres -Atc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
  echo "[run] creating database $DB with both addons and demo data (first time only)"
  "$ODOO" -c "$CONF" -d "$DB" -i health_charity,health_charity_reports --stop-after-init \
    --log-level=warn --load-language=en_US,fa_IR
elif ! psql -d "$DB" -Atc "select 1 from ir_module_module where name='health_charity_reports' and state='installed'" | grep -q 1; then
  echo "[run] database $DB exists but the addons are missing: installing them"
  "$ODOO" -c "$CONF" -d "$DB" -i health_charity,health_charity_reports --stop-after-init --log-level=warn
else
  echo "[run] reusing database $DB"
fi
cat <<MSG

  Health Charity is starting on http://localhost:${HTTP_PORT:-8069}
  Database: $DB
  Demo logins (login / password):
    admin / admin                 administrator (all units)
    hc_staff / hc_staff           office staff (university + hospitals)
    hc_officer / hc_officer       hospital charity officer (Khatam al-Anbia hospital only)
    hc_approver / hc_approver     approver (review inbox)
    hc_finance / hc_finance       finance (posting, consolidation, exports)
    hc_manager / hc_manager       manager (configuration)
    hc_fa / hc_fa                 Persian-speaking office staff (fa_IR, RTL)

MSG
exec "$ODOO" -c "$CONF" -d "$DB" --db-filter="^${DB}\$"
