#!/usr/bin/env bash
# Make sure a PostgreSQL server answers (PGHOST/PGPORT honoured) and that the
# current user has a login role that may create databases.
set -euo pipefail
log() { printf '\033[1m[postgres]\033[0m %s\n' "$*"; }
answers() { pg_isready -q ${PGHOST:+-h "$PGHOST"} ${PGPORT:+-p "$PGPORT"} 2>/dev/null; }
if ! command -v pg_isready >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing PostgreSQL (Debian)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
  else
    echo "[postgres] ERROR: no PostgreSQL client; install postgresql or set PGHOST/PGPORT" >&2; exit 1
  fi
fi
if ! answers; then
  if [ -z "${PGHOST:-}" ] && command -v pg_lsclusters >/dev/null; then
    if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
      ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
      log "creating cluster $ver/main"
      pg_createcluster "$ver" main >/dev/null
    fi
    pg_lsclusters -h | while read -r ver name _; do
      log "starting cluster $ver/$name"
      pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start || true
    done
    for _ in $(seq 1 30); do answers && break; sleep 1; done
  fi
  answers || { echo "[postgres] ERROR: PostgreSQL does not answer (PGHOST=${PGHOST:-socket} PGPORT=${PGPORT:-5432})" >&2; exit 1; }
fi
me=$(id -un)
if ! psql -d postgres -Atc "select 1" >/dev/null 2>&1; then
  log "creating login role $me"
  if [ "$(id -u)" = 0 ]; then
    su postgres -c "psql -q -c \"CREATE ROLE \\\"$me\\\" LOGIN SUPERUSER\"" >/dev/null
  else
    sudo -u postgres psql -q -c "CREATE ROLE \"$me\" LOGIN CREATEDB" >/dev/null
  fi
fi
