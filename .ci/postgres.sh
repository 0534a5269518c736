#!/usr/bin/env bash
# A throwaway PostgreSQL for the SQL equivalence tests (test/core/sql/postgres.test.ts): a fresh cluster in a
# temp dir, listening on a Unix socket only, run as the postgres user (initdb refuses root). Prints the
# libpq connection string for TIERBOOK_PG.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "ci: no PostgreSQL server binaries" >&2; exit 1; }
dir=$(mktemp -d /tmp/tierbook-pg.XXXXXX)
chown postgres:postgres "$dir"
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
run "'$bin/pg_ctl' -D '$dir/data' -o \"-k $dir -c listen_addresses=''\" -l '$dir/log' -w start" >/dev/null
echo "host=$dir user=postgres dbname=postgres"
