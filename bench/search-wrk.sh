#!/usr/bin/env bash
# Throughput of public pages under wrk (issue #14: the site search beside today's catalogue search).
# Usage: bench/search-wrk.sh [PATH...]      default: /catalog?q= /search?q=
# Starts Gongkai (Release) on 127.0.0.1 with a fresh data folder (SQLite, the demo government), adds ITEMS generated
# published catalogue items spread over its agencies (default 10,000; bench/Gongkai.Bench.Search fill: the items and
# their rows in the catalogue's FTS table, as a real catalogue has them), then measures each PATH in the same run with
# Debian's wrk (2 threads, 50 connections, 3 s warm-up, then DURATION). A PATH ending in "=" gets a rotating word
# (1 character to a whole phrase, Chinese and mixed) and a unique unknown category (&c=x…), so every request's address
# is new: the output cache never answers and each search reaches its index. Any other PATH is requested as it is
# (what a visitor gets, cache included): e.g. bench/search-wrk.sh / /catalog.
# Prints requests/s, p50 and p99 per PATH. NO_BUILD=1 reuses the last Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-5098}"
DURATION="${DURATION:-15s}"
ITEMS="${ITEMS:-10000}"
PATHS=("$@")
[[ ${#PATHS[@]} -gt 0 ]] || PATHS=("/catalog?q=" "/search?q=")
DATA="$(mktemp -d)"
LOG="$DATA/app.log"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

if [[ "${NO_BUILD:-}" != 1 ]]; then
  dotnet build src/Gongkai.Web -c Release -v quiet -nologo >/dev/null
  dotnet build bench/Gongkai.Bench.Search -c Release -v quiet -nologo >/dev/null
fi
GONGKAI_DATA="$DATA" GONGKAI_ADMIN_PASSWORD="bench-pass-2024" Demo__Cases=false \
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" Logging__LogLevel__Default=Warning \
  dotnet src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll >"$LOG" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; rm -rf "$DATA"' EXIT

for _ in $(seq 1 240); do
  if curl -fs "http://127.0.0.1:$PORT/search" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/search" >/dev/null || { echo "the app did not start:" >&2; cat "$LOG" >&2; exit 1; }

if [[ "$ITEMS" -gt 0 ]]; then
  dotnet bench/Gongkai.Bench.Search/bin/Release/net10.0/Gongkai.Bench.Search.dll fill "$DATA/gongkai.db" "$ITEMS"
fi
# The first search after the load brings the site search's index up to date (timed: what one instance pays once).
start=$(date +%s%N)
curl -fs "http://127.0.0.1:$PORT/search?q=%E5%8C%BB%E7%96%97" >/dev/null
echo "first search after the load: $(( ($(date +%s%N) - start) / 1000000 )) ms"

# 1 to 13 characters: single characters, pairs, words, a 文号-like mixed word, a whole phrase, a place, an agency.
WORDS="$(python3 -c '
import urllib.parse
w = ["医", "公开", "医疗", "预算", "食品安全", "招生", "疫苗", "卫生健康局", "龙岗区", "垃圾分类", "应急预案", "12345热线",
     "医疗机构执业许可证校验结果", "处罚", "招聘", "抽检", "保障", "年度报告", "制度", "指南", "三公经费", "老旧小区改造", "安全", "信息"]
print(", ".join(chr(34) + urllib.parse.quote(x) + chr(34) for x in w))')"
cat >"$DATA/rotate.lua" <<LUA
local words = { $WORDS }
local n = 0
request = function()
  n = n + 1
  local path = base .. words[(n % #words) + 1] .. "&c=x" .. math.random(1, 1000000000)
  return wrk.format("GET", path)
end
LUA

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP/stat"; }

echo "$ITEMS generated catalogue items; wrk 2 threads, 50 connections, $DURATION per path; $(nproc) cores"
for base in "${PATHS[@]}"; do
  if [[ "$base" == *= ]]; then
    sed "s|^local n = 0|local n = 0\nbase = \"$base\"|" "$DATA/rotate.lua" >"$DATA/run.lua"
    args=(-s "$DATA/run.lua")
    label="$base… (rotating, uncached)"
  else
    args=()
    label="$base"
  fi
  wrk -t2 -c50 -d3s "${args[@]}" "http://127.0.0.1:$PORT$base" >/dev/null
  cpu0="$(cpu_ticks)"
  out="$(wrk -t2 -c50 -d"$DURATION" --latency "${args[@]}" "http://127.0.0.1:$PORT$base")"
  cpu1="$(cpu_ticks)"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  # The server's own CPU time per request (user + system, from /proc): what the request costs whatever else runs on
  # the machine; 2 cores ÷ this = the most requests/s the server could answer on an otherwise idle machine.
  cpu_ms="$(awk -v t=$((cpu1 - cpu0)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
  ceiling="$(awk -v c="$cpu_ms" -v k="$(nproc)" 'BEGIN { printf "%.0f", k * 1000 / c }')"
  printf 'GET %-40s %10s req/s   p50 %8s   p99 %8s   server CPU %6s ms/request (≤ %s/s on %s idle cores)%s\n' \
    "$label" "$rps" "$p50" "$p99" "$cpu_ms" "$ceiling" "$(nproc)" "${non2xx:+   non-2xx: $non2xx}"
done
