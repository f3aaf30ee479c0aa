#!/usr/bin/env bash
# Render config/odoo.conf.template into var/odoo.conf (or $1) for this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-var/odoo.conf}
mkdir -p "$(dirname "$out")" var/data
export ROOT=$(pwd) ODOO_SRC=${ODOO_SRC:-/opt/odoo-src/18.0}
export PGHOST_CONF=${PGHOST:-False} PGPORT_CONF=${PGPORT:-False} PGUSER_CONF=${PGUSER:-False}
export HTTP_PORT=${HTTP_PORT:-8069} HTTP_INTERFACE=${HTTP_INTERFACE:-} LOG_LEVEL=${LOG_LEVEL:-info}
python3 - "$out" <<'PY'
import os, string, sys
tpl = string.Template(open("config/odoo.conf.template").read())
open(sys.argv[1], "w").write(tpl.substitute(os.environ))
PY
echo "$out"
