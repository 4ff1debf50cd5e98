#!/usr/bin/env bash
# Stops the test server scripts/start-postgres.sh started in RUNWIRE_PG_DIR (its eval exports it; nothing happens when
# none runs) and removes the folder when start-postgres.sh made it.
set -euo pipefail
dir="${RUNWIRE_PG_DIR:-}"
[ -n "$dir" ] || exit 0
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
[ -n "$bindir" ] && [ -f "$dir/data/PG_VERSION" ] || exit 0
if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
else "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; fi
if [ -f "$dir/owned-by-start-postgres" ]; then rm -rf "$dir"; fi
