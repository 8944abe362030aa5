#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on a loopback port for the test suite and prints the
# TEST_DATABASE_URL to use. `scripts/test-postgres.sh stop DIR` stops it and removes its folder.
# Needs Debian's postgresql package (initdb, pg_ctl). PostgreSQL will not run as root, so as root
# the server runs as the `postgres` user the package creates.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if [ "${1:-}" = stop ]; then
  as_owner "$bin/pg_ctl -D '$2/data' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi

port=${PGPORT_TEST:-54329}
dir=$(mktemp -d /tmp/scrutineer-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_owner "$bin/initdb -D '$dir/data' --auth=trust -U postgres -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
echo "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "TEST_POSTGRES_DIR=$dir"
