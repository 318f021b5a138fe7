#!/usr/bin/env bash
# Load test of the portal (issue #11): publishes Gongkai (Release), starts it on 127.0.0.1 with a fresh data folder
# (SQLite, the demo agency, cases and catalogue), then loads each target for DURATION (default 60s) and prints
# requests/s, p99 latency and errors per target:
#   GET /, /catalog, a catalogue search (/catalog?q=医疗), /status, /apply — Debian's wrk (apt-get install -y wrk),
#     2 threads, 50 connections;
#   POST /apply — bench/Gongkai.Bench.Apply at a sustained RATE (default 100) submissions/s, each fetching the form
#     (cookie and every hidden input, so an antiforgery token or an idempotency key go back as a browser sends
#     them) and posting a valid application with a small identity proof.
# The rate limit on applications is raised for the run (RateLimits__PublicForms__PermitLimit): one client address
# sends them all. The app is stopped at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5099}"
DURATION="${DURATION:-60}"
RATE="${RATE:-100}"
WORK="$(mktemp -d)"
LOG="$WORK/app.log"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

dotnet publish src/Gongkai.Web -c Release -o "$WORK/app" -v quiet -nologo >/dev/null
dotnet build bench/Gongkai.Bench.Apply -c Release -v quiet -nologo >/dev/null

# Started from another folder, as a service manager would (the app finds its files beside its dll).
(cd "$WORK" && exec env GONGKAI_DATA="$WORK/data" GONGKAI_ADMIN_PASSWORD="bench-pass-2024" \
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" \
  RateLimits__PublicForms__PermitLimit=100000000 RateLimits__PublicForms__WindowSeconds=1 \
  dotnet "$WORK/app/Gongkai.Web.dll" >"$LOG" 2>&1) &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$WORK"' EXIT

for _ in $(seq 1 240); do
  if curl -fs "$BASE/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fs "$BASE/healthz" >/dev/null || { echo "the app did not start:" >&2; cat "$LOG" >&2; exit 1; }

printf '%-28s %12s %10s  %s\n' "target" "requests/s" "p99" "errors"
for path in / /catalog "/catalog?q=%E5%8C%BB%E7%96%97" /status /apply; do
  wrk -t2 -c50 -d3s "$BASE$path" >/dev/null   # warm-up
  out="$(wrk -t2 -c50 -d"${DURATION}s" --latency "$BASE$path")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  socket="$(awk '/Socket errors/ {sub(/^ *Socket errors: */, ""); print}' <<<"$out")"
  label="GET $path"; [[ "$path" == /catalog\?q=* ]] && label="GET /catalog?q=医疗"
  printf '%-28s %12s %10s  %s\n' "$label" "$rps" "$p99" "${non2xx:-0} non-2xx${socket:+; socket $socket}"
done

dotnet bench/Gongkai.Bench.Apply/bin/Release/net10.0/Gongkai.Bench.Apply.dll "$BASE" "$RATE" "$DURATION" || true
if grep -q "^fail:\|^crit:" "$LOG"; then
  echo "the app logged $(grep -c '^fail:\|^crit:' "$LOG") errors; distinct exceptions:" >&2
  grep -o 'Exception[^:]*: [^\[]*' "$LOG" | sort | uniq -c | sort -rn | head -5 >&2
fi
