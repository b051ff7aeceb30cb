#!/usr/bin/env bash
# Runs a command (the tests) with a PostgreSQL test server, so that `make test` covers both backends:
#
#   .ci/with-postgres.sh .venv/bin/python -m pytest
#
# - MANYSIDES_TEST_PG_URL already set (by .ci/run, or by hand): that server is used as it is.
# - Else, when PostgreSQL's server programs are installed: a throwaway one is started (.ci/postgres.sh) and stopped
#   afterwards, whatever the command's outcome.
# - Else: the command runs without one, after a note; the PostgreSQL tests then skip with that reason
#   (tests/conftest.py), except under CI=true, where they fail, so a CI run never passes on SQLite alone.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${MANYSIDES_TEST_PG_URL:-}" ]]; then
    exec "$@"
fi
log=$(mktemp)
if ! exports=$(.ci/postgres.sh start 2>"$log"); then
    echo "with-postgres.sh: no PostgreSQL test server ($(tail -n 1 "$log")); the PostgreSQL tests will skip" >&2
    rm -f "$log"
    exec "$@"
fi
rm -f "$log"
eval "$exports"
trap '.ci/postgres.sh stop' EXIT
"$@"
