#!/usr/bin/env bash
# Catalogue throughput: starts Gongkai (Release) on 127.0.0.1 with a fresh data folder (SQLite, demo data — the demo
# catalogue), then runs Debian's wrk (apt-get install -y wrk) against / (the reference), /catalog and a catalogue
# search (/catalog?q=医疗), 15 s each, 2 threads, 50 connections, and prints requests/s and the p99 latency.
# Stops the app at the end. NO_BUILD=1 reuses the last Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5097}"
DURATION="${DURATION:-15s}"
DATA="$(mktemp -d)"
LOG="$DATA/app.log"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

if [[ "${NO_BUILD:-}" != 1 ]]; then
  dotnet build src/Gongkai.Web -c Release -v quiet -nologo >/dev/null
fi
GONGKAI_DATA="$DATA" GONGKAI_ADMIN_PASSWORD="bench-pass-2024" Demo__Cases=false \
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" Logging__LogLevel__Default=Warning \
  dotnet src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll >"$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$DATA"' EXIT

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/catalog" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/catalog" >/dev/null || { echo "the app did not start:" >&2; cat "$LOG" >&2; exit 1; }

for path in / /catalog "/catalog?q=%E5%8C%BB%E7%96%97"; do
  # Warm-up, then the measured run.
  wrk -t2 -c50 -d3s "http://127.0.0.1:$PORT$path" >/dev/null
  out="$(wrk -t2 -c50 -d"$DURATION" --latency "http://127.0.0.1:$PORT$path")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  printf 'GET %-32s %10s req/s   p50 %8s   p99 %8s%s\n' "$path" "$rps" "$p50" "$p99" "${non2xx:+   non-2xx: $non2xx}"
done
