#!/usr/bin/env bash
# make install: venv + Odoo 18.0 from ODOO_SRC + pinned requirements + PostgreSQL.
# Idempotent: a stamp file records the inputs; a second run with nothing
# changed only checks PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo-src/18.0}
PYTHON=${PYTHON:-python3}
VENV=$ROOT/.venv
ODOO_URL=${ODOO_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}

log() { printf '\033[1m[install]\033[0m %s\n' "$*"; }
die() { printf '[install] ERROR: %s\n' "$*" >&2; exit 1; }

# --- system packages (Debian): only what is missing, only when root ------
apt_missing=()
want_pkgs="libpq-dev libldap2-dev libsasl2-dev chromium wkhtmltopdf fonts-noto-core"
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $want_pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || apt_missing+=("$p")
  done
  if [ ${#apt_missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      log "installing Debian packages: ${apt_missing[*]}"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${apt_missing[@]}" >/dev/null \
        || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${apt_missing[@]}" >/dev/null; } \
        || log "WARNING: could not install ${apt_missing[*]} (tours/PDF may be skipped)"
    else
      log "WARNING: missing Debian packages (run as root to install): ${apt_missing[*]}"
    fi
  fi
fi

# --- rtlcss: Odoo builds the right-to-left (Persian) CSS bundles with it ------
if ! command -v rtlcss >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  log "installing rtlcss (right-to-left assets for Persian)"
  npm install -g --silent rtlcss@4 >/dev/null 2>&1 || log "WARNING: could not install rtlcss (Persian UI stays left-to-right)"
fi

# --- Odoo source -----------------------------------------------------------
if [ ! -f "$ODOO_SRC/odoo/release.py" ]; then
  log "no Odoo source at ODOO_SRC=$ODOO_SRC; trying Odoo's official 18.0 source release"
  tmp=$(mktemp -d)
  if curl -fsSL --max-time 600 "$ODOO_URL" -o "$tmp/odoo.tar.gz" 2>/dev/null; then
    mkdir -p "$ODOO_SRC"
    tar -xzf "$tmp/odoo.tar.gz" -C "$ODOO_SRC" --strip-components=1
    rm -rf "$tmp"
  else
    rm -rf "$tmp"
    die "Odoo 18.0 source not found. Set ODOO_SRC to an Odoo 18.0 Community source tree (default /opt/odoo-src/18.0); this machine could not download $ODOO_URL."
  fi
fi
grep -q "^version_info = (18, 0" "$ODOO_SRC/odoo/release.py" \
  || die "ODOO_SRC=$ODOO_SRC is not Odoo 18.0 (see odoo/release.py)"

# --- PostgreSQL --------------------------------------------------------------
"$ROOT/scripts/ensure_postgres.sh"

# --- venv and Python packages (skipped when the inputs did not change) -----
stamp_src=$( { cat requirements.txt constraints.txt scripts/install.sh; echo "$ODOO_SRC"; sha1sum "$ODOO_SRC/requirements.txt"; } | sha1sum | cut -d' ' -f1)
if [ -x "$VENV/bin/odoo" ] && [ "$(cat "$VENV/.hc-stamp" 2>/dev/null)" = "$stamp_src" ]; then
  log "venv up to date ($VENV)"
  exit 0
fi
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "Python 3.11+ needed ($PYTHON is older); set PYTHON="
  log "creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
pip_() { "$VENV/bin/python" -m pip --disable-pip-version-check -q "$@" 2>&1 | { grep -v "^WARNING: Location" || true; }; return "${PIPESTATUS[0]}"; }
export PIP_CONSTRAINT="$ROOT/constraints.txt"   # also applies to isolated build envs
pip_ install -U "pip<25" wheel "setuptools<70"
# Odoo's requirements minus the pins overridden in constraints.txt and the
# LDAP client we do not use (auth_ldap is not installed).
overrides=$(grep -Eo '^[A-Za-z0-9_.-]+' constraints.txt | tr '\n' '|' | sed 's/|$//')
grep -Eiv "^(${overrides}|python-ldap)\b" "$ODOO_SRC/requirements.txt" > "$VENV/odoo-requirements.txt"
log "installing Odoo's requirements"
pip_ install -r "$VENV/odoo-requirements.txt" cbor2
log "installing Odoo 18.0 from $ODOO_SRC (editable, compat mode)"
pip_ install --no-deps --no-build-isolation -e "$ODOO_SRC" --config-settings editable_mode=compat
log "installing requirements.txt"
pip_ install -r requirements.txt
"$VENV/bin/python" - <<'PY' || die "odoo or the OCA addons are not importable from $VENV"
import os, odoo.cli, odoo.addons
paths = odoo.addons.__path__
assert any(os.path.isdir(os.path.join(p, "base_tier_validation")) for p in paths), paths
assert any(os.path.isdir(os.path.join(p, "report_xlsx")) for p in paths), paths
PY
echo "$stamp_src" > "$VENV/.hc-stamp"
log "done: $VENV/bin/odoo"
