#!/usr/bin/env bash
# Runs every Gongkai test and ends with one line: "N passed, N failed".
# On a fresh Debian machine it first installs the tools the tests use (as root; otherwise it says what to install).
set -uo pipefail
cd "$(dirname "$0")"

build/install-prereqs.sh || exit 1

# Private PostgreSQL clusters of earlier runs (the tests start one in /tmp and stop it at exit).
# Only folders whose test process is gone: another run on this machine may be using its own.
cleanup() {
  local dir pid
  for dir in /tmp/gongkai-pg-[0-9]*; do
    [ -d "$dir" ] || continue
    pid=$(basename "$dir" | cut -d- -f3)
    kill -0 "$pid" 2>/dev/null || rm -rf "$dir"
  done
  [ -z "$pgdir" ] || rm -rf "$pgdir"
}
pgdir=""
cleanup

# One PostgreSQL server for the whole run, outside the test processes, reached over a Unix socket (no port to
# collide on). The tests use it through GONGKAI_TEST_POSTGRES; run on their own (an IDE) they start a private one.
pgas=()
start_postgres() {
  [ -n "${GONGKAI_TEST_POSTGRES:-}" ] && return 0
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bindir" ] && [ -x "$bindir/initdb" ] || return 0
  pgdir=$(mktemp -d /tmp/gongkai-pg-run-XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pgdir"; pgas=(runuser -u postgres --); fi
  "${pgas[@]}" "$bindir/initdb" -D "$pgdir/db" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  "${pgas[@]}" "$bindir/pg_ctl" -D "$pgdir/db" -l "$pgdir/server.log" -w -t 60 start \
    -o "-c listen_addresses='' -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
  export GONGKAI_TEST_POSTGRES="Host=$pgdir;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20;Timeout=30"
  PGBIN=$bindir
}
stop_postgres() {
  if [ -n "$pgdir" ]; then
    "${pgas[@]}" "$PGBIN/pg_ctl" -D "$pgdir/db" -m fast -w stop >/dev/null 2>&1 || true
  fi
  cleanup
}
trap stop_postgres EXIT
start_postgres

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Gongkai.slnx -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Gongkai.slnx -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failed test (a crashed test host, a missing trx): count it.
  failed=1
fi
# The code style is part of the build (CONVENTIONS.md rule 5): drift counts as one failed check.
if ! dotnet format Gongkai.slnx --verify-no-changes --no-restore -v quiet; then
  echo "dotnet format found code that is not formatted: run 'dotnet format Gongkai.slnx'"
  failed=$((failed + 1))
  status=1
fi

echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
