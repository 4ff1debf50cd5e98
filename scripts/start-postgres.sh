#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when missing and starts a throwaway server for the tests on a loopback
# port (idempotent: an already running server is reused). Prints the export line for the tests' connection string:
#   eval "$(scripts/start-postgres.sh)"
# Settings: RUNWIRE_PG_DIR (data directory), RUNWIRE_PG_PORT (port). scripts/stop-postgres.sh stops the server.
set -euo pipefail

dir="${RUNWIRE_PG_DIR:-/tmp/runwire-pg}"
port="${RUNWIRE_PG_PORT:-55432}"
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
if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  as_owner "$bindir/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off" start >&2
fi
psql=("$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
  "${psql[@]}" -d postgres -c "CREATE DATABASE $db" >&2
fi
echo "export RUNWIRE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=$db'"
