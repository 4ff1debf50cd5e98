#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when missing and starts a throwaway server for the tests on a loopback
# port. Prints the export lines for the tests' connection string and for scripts/stop-postgres.sh:
#   eval "$(scripts/start-postgres.sh)"
# Each run gets a private folder and a free port, so two runs on one machine do not share or stop each other's server.
# Settings: RUNWIRE_PG_DIR (data directory: a server already running there is reused) and RUNWIRE_PG_PORT (port).
set -euo pipefail

owned=""
if [ -z "${RUNWIRE_PG_DIR:-}" ]; then
  dir=$(mktemp -d /tmp/runwire-pg.XXXXXX)
  chmod 755 "$dir"
  owned=1
else
  dir="$RUNWIRE_PG_DIR"
fi
port="${RUNWIRE_PG_PORT:-}"
if [ -z "$port" ] && [ -f "$dir/port" ]; then
  port=$(cat "$dir/port")
fi
if [ -z "$port" ]; then
  # A port the kernel hands out as free now (the server binds it a moment later).
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
db=runwire_test

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
fi

# The server refuses to run as root, so root runs it as the postgres user the package creates.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi
echo "$port" > "$dir/port"
[ -n "$owned" ] && touch "$dir/owned-by-start-postgres"
if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  as_owner "$bindir/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off" start >&2
fi
psql=("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
  "${psql[@]}" -d postgres -c "CREATE DATABASE $db" >&2
fi
echo "export RUNWIRE_PG_DIR='$dir'"
echo "export RUNWIRE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=$db'"
