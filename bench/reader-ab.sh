#!/usr/bin/env bash
# The reader's speed, this tree against a baseline commit, measured side by side on one core (issue #15).
# Usage: bench/reader-ab.sh [BASE_COMMIT (default main)] [REPEATS (default 3)]
# Builds the baseline from `git archive` into a temporary folder with this tree's benchmark program (the same
# harness for both), compares both builds' figures and findings on the seeds and the whole corpus
# (tests/fixtures/corpus; a difference is shown), then runs the two builds alternately, pinned to CPU 0 with taskset.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-main}
repeats=${2:-3}
tmp=$(mktemp -d /tmp/gongkai-reader-ab.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
git archive "$base" | tar -x -C "$tmp"
cp bench/Gongkai.Bench.Import/Program.cs "$tmp/bench/Gongkai.Bench.Import/Program.cs"
dotnet build -c Release "$tmp/bench/Gongkai.Bench.Import" -v q -nologo >/dev/null
dotnet build -c Release bench/Gongkai.Bench.Import -v q -nologo >/dev/null
old="$tmp/bench/Gongkai.Bench.Import/bin/Release/net10.0/Gongkai.Bench.Import.dll"
new="bench/Gongkai.Bench.Import/bin/Release/net10.0/Gongkai.Bench.Import.dll"
seeds=${SEEDS:-../shared/seeds}
for dir in "$seeds" tests/fixtures/corpus; do
  dotnet "$old" --dump "$dir" >"$tmp/old.dump"
  dotnet "$new" --dump "$dir" >"$tmp/new.dump"
  if cmp -s "$tmp/old.dump" "$tmp/new.dump"; then
    echo "same figures and findings as $base: $dir ($(grep -c '^  ' "$tmp/new.dump") findings)"
  else
    echo "different figures or findings from $base in $dir (first lines of the difference):"
    diff "$tmp/old.dump" "$tmp/new.dump" | head -40 || true
  fi
done
for i in $(seq "$repeats"); do
  echo "baseline ($base):  $(taskset -c 0 dotnet "$old" "$seeds" | grep 'text reports/s')"
  echo "this tree:        $(taskset -c 0 dotnet "$new" "$seeds" | grep 'text reports/s')"
done
