#!/usr/bin/env bash
# make pot: export the translation templates (i18n/<module>.pot) of both
# addons (and the Jalali web client) from a scratch database, then merge them into i18n/fa.po (msgmerge
# keeps existing translations; new terms arrive untranslated and the i18n
# test fails until they are translated).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=hc_pot_$(date +%s)
CONF=var/odoo-pot.conf
LOG_LEVEL=warn ./scripts/odoo_conf.sh "$CONF" >/dev/null
trap 'dropdb --if-exists "$DB" >/dev/null 2>&1 || true' EXIT
.venv/bin/odoo -c "$CONF" -d "$DB" -i health_charity,health_charity_reports \
  --stop-after-init --without-demo=all --log-level=warn 2>&1 | grep -v "Running as" || true
for m in health_charity health_charity_reports health_charity_web_jalali; do
  .venv/bin/odoo -c "$CONF" -d "$DB" --i18n-export="addons/$m/i18n/$m.pot" \
    --modules="$m" --stop-after-init --log-level=warn 2>&1 | grep -v "Running as" || true
  if [ -f "addons/$m/i18n/fa.po" ] && command -v msgmerge >/dev/null; then
    msgmerge --quiet --no-fuzzy-matching --update --backup=none \
      "addons/$m/i18n/fa.po" "addons/$m/i18n/$m.pot"
  fi
  echo "[pot] addons/$m/i18n/$m.pot: $(grep -c '^msgid ' "addons/$m/i18n/$m.pot") terms"
done
