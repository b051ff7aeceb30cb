#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, in a temp folder, reachable only through a unix socket there.
#
#   eval "$(.ci/postgres.sh start)"   # prints the exports: MANYSIDES_TEST_PG_URL and MANYSIDES_TEST_PG_DIR
#   make test
#   .ci/postgres.sh stop              # stops the server and deletes the folder (reads MANYSIDES_TEST_PG_DIR)
#
# No TCP port is opened (nothing to collide with, nothing reachable from outside); the folder is private to the
# server's user, so only that user (and root) can connect. PostgreSQL refuses to run as root: as root, the server
# runs as the `postgres` user that Debian's package creates. Durability is off: the cluster lives for one run.
set -euo pipefail

die() {
    echo "postgres.sh: $*" >&2
    exit 1
}

pg_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then
        echo "$PG_BIN"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    else
        local newest
        newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
        [[ -n "$newest" ]] || die "no PostgreSQL server found (Debian: apt-get install postgresql)"
        echo "$newest"
    fi
}

as_server_user() {
    if [[ $(id -u) -eq 0 ]]; then
        # runuser lives in /usr/sbin or /sbin, which a minimal PATH (cron, `env -i`, some CI runners) leaves out
        PATH="$PATH:/usr/sbin:/sbin" runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local bin dir
    bin=$(pg_bin)
    if [[ $(id -u) -eq 0 ]]; then
        getent passwd postgres >/dev/null || die "running as root needs a 'postgres' user to run the server as"
    fi
    dir=$(mktemp -d "${TMPDIR:-/tmp}/manysides-pg.XXXXXX")
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$dir"
    fi
    if ! as_server_user "$bin/initdb" --pgdata="$dir/data" --username=manysides --auth=trust --encoding=UTF8 \
        --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        rm -rf "$dir"
        die "initdb failed"
    fi
    local options="-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off"
    options+=" -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
    if ! as_server_user "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --options="$options" \
        --wait --timeout=60 start >/dev/null; then
        cat "$dir/server.log" >&2
        rm -rf "$dir"
        die "the server did not start"
    fi
    echo "export MANYSIDES_TEST_PG_DIR='$dir'"
    echo "export MANYSIDES_TEST_PG_URL='postgresql+psycopg://manysides@/postgres?host=$dir'"
}

stop() {
    local dir="${1:-${MANYSIDES_TEST_PG_DIR:-}}"
    [[ -n "$dir" ]] || die "stop: give the folder, or set MANYSIDES_TEST_PG_DIR"
    [[ -d "$dir" ]] || return 0
    [[ "$(basename "$dir")" == manysides-pg.* ]] || die "stop: $dir is not a folder this script made"
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        as_server_user "$(pg_bin)/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop "${2:-}" ;;
*) die "usage: $0 start | stop [folder]" ;;
esac
