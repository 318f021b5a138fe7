#!/usr/bin/env bash
# Site search throughput (issue #14), side by side with the catalogue's own search of today: starts Gongkai (Release)
# on 127.0.0.1 with a fresh data folder (SQLite, demo data), then runs Debian's wrk (2 threads, 50 connections,
# DURATION each) with a Lua script that rotates through 16 queries of 1–4 characters and makes every request's
# address unique (a random unused category code), so the output cache never answers and each request reaches the
# database: GET /catalog?q=… (today's catalogue search) and GET /search?q=… (the site search: catalogue, register,
# 制度, 指南, published reports). Prints requests/s, p50 and p99. NO_BUILD=1 reuses the last Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5098}"
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
  if curl -fs "http://127.0.0.1:$PORT/search" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/search" >/dev/null || { echo "the app did not start:" >&2; cat "$LOG" >&2; exit 1; }

cat >"$DATA/rotate.lua" <<'LUA'
local words = { "%E5%8C%BB%E7%96%97", "%E5%8C%BB", "%E5%85%AC%E5%BC%80", "%E9%A2%84%E7%AE%97", "%E7%96%AB%E8%8B%97",
  "%E6%8B%9B%E8%81%98", "%E5%88%B6%E5%BA%A6", "%E5%8D%AB%E7%94%9F", "%E5%A4%84%E7%BD%9A", "%E5%BA%94%E6%80%A5",
  "%E4%BF%9D%E5%AF%86%E5%AE%A1%E6%9F%A5", "%E6%8C%87%E5%8D%97", "%E6%A0%A1%E9%AA%8C", "%E6%8A%BD%E6%A3%80", "%E6%9C%BA%E6%9E%84", "%E7%94%B3%E8%AF%B7" }
local n = 0
request = function()
  n = n + 1
  local path = base .. words[(n % #words) + 1] .. "&c=x" .. math.random(1, 1000000000)
  return wrk.format("GET", path)
end
LUA

for base in "/catalog?q=" "/search?q="; do
  sed "s|^local n = 0|local n = 0\nbase = \"$base\"|" "$DATA/rotate.lua" >"$DATA/run.lua"
  wrk -t2 -c50 -d3s -s "$DATA/run.lua" "http://127.0.0.1:$PORT" >/dev/null
  out="$(wrk -t2 -c50 -d"$DURATION" --latency -s "$DATA/run.lua" "http://127.0.0.1:$PORT")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  printf 'GET %-14s(rotating, uncached) %10s req/s   p50 %8s   p99 %8s%s\n' "$base…" "$rps" "$p50" "$p99" "${non2xx:+   non-2xx: $non2xx}"
done
