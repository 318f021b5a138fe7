#!/usr/bin/env bash
# First start on SQLite (issue #12 loose end): the time from launching Gongkai (Release) on an empty data folder until
# /healthz answers — schema migrations, then the demo data — for three settings, side by side in one run and
# interleaved round by round, so a loaded machine weighs on all three alike:
#   empty       Demo__Government=false Demo__Cases=false Demo__Catalog=false: migrations, the bureau, the administrator
#   bureau      Demo__Government=false: the detailed demo of the health bureau (cases step by step, catalogue)
#   government  the default: the demo government (示范县, fifteen departments, five towns, two years of records)
# Prints each start and the median per setting, with the "Demo records seeded in N s" line the application logs.
# ROUNDS (default 3), PORT (default 5097); NO_BUILD=1 reuses the last Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5097}"
ROUNDS="${ROUNDS:-3}"
if [[ "${NO_BUILD:-}" != 1 ]]; then
  dotnet build src/Gongkai.Web -c Release -v quiet -nologo >/dev/null
fi
DLL=src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll
RESULTS="$(mktemp)"
APP=

start_once() { # name, then extra VAR=value settings
  local name="$1"; shift
  local data; data="$(mktemp -d)"
  local begin; begin=$(date +%s.%N)
  env GONGKAI_DATA="$data" GONGKAI_ADMIN_PASSWORD="bench-pass-2024" ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$PORT" Logging__LogLevel__Default=Warning Logging__LogLevel__Gongkai.Web=Information "$@" \
    dotnet "$DLL" >"$data/app.log" 2>&1 &
  APP=$!
  local ok=0
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then ok=1; break; fi
    if ! kill -0 "$APP" 2>/dev/null; then break; fi
    sleep 0.25
  done
  local end; end=$(date +%s.%N)
  kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=
  if [[ $ok != 1 ]]; then echo "$name did not start:" >&2; cat "$data/app.log" >&2; rm -rf "$data"; exit 1; fi
  local seeded; seeded=$(grep -o 'Demo records seeded in [0-9.]* s' "$data/app.log" | grep -o '[0-9.]*' || true)
  local seconds; seconds=$(echo "$end - $begin" | bc)
  printf '%-11s %7.1f s%s\n' "$name" "$seconds" "${seeded:+   (demo government records: $seeded s)}"
  echo "$name $seconds" >>"$RESULTS"
  rm -rf "$data"
}
trap '[[ -n "$APP" ]] && kill "$APP" 2>/dev/null; rm -f "$RESULTS"' EXIT

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round"
  start_once empty Demo__Government=false Demo__Cases=false Demo__Catalog=false
  start_once bureau Demo__Government=false
  start_once government
done
echo "median of $ROUNDS first starts (load average now: $(cut -d' ' -f1-3 /proc/loadavg)):"
for name in empty bureau government; do
  printf '%-11s %7.1f s\n' "$name" "$(grep "^$name " "$RESULTS" | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
done
