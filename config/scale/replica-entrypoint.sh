#!/bin/bash
# The streaming replica: cloned from the primary with pg_basebackup on first
# start (-R writes standby.signal and primary_conninfo), then a hot standby.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h db-primary -U odoo; do sleep 2; done
  export PGPASSWORD="$REPLICATION_PASSWORD"
  pg_basebackup -h db-primary -U replicator -D "$PGDATA" -R -X stream -P
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on
