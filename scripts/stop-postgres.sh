#!/usr/bin/env bash
# Stops the test server scripts/start-postgres.sh started (nothing happens when none runs).
set -euo pipefail
dir="${RUNWIRE_PG_DIR:-/tmp/runwire-pg}"
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
[ -n "$bindir" ] && [ -f "$dir/data/PG_VERSION" ] || exit 0
if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
else "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; fi
