#!/usr/bin/env bash
# Runs every Gongkai test and ends with one line: "N passed, N failed".
# On a fresh Debian machine it first installs the tools the tests use (as root; otherwise it says what to install).
set -uo pipefail
cd "$(dirname "$0")"

build/install-prereqs.sh || exit 1

# Private PostgreSQL clusters of earlier runs (the tests start one in /tmp and stop it at exit).
cleanup() { rm -rf /tmp/gongkai-pg-* 2>/dev/null || true; }
cleanup
trap cleanup EXIT

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
