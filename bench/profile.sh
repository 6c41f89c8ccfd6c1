#!/usr/bin/env bash
# Where an uncached reader page spends its CPU, on the database and build of the last bench/run.sh:
#   perf samples the server's CPU (SQLite, JIT-compiled .NET code by method, the runtime and its GC, the kernel)
#   while wrk loads the page with 32 connections, output cache off; bench/profile-parts.py splits the samples into
#   the parts of a request (SQLite, EF Core, Razor, our code, ...).
#
#   bench/profile.sh /tags/ngoai-giao            # writes $WORK/profile-<page>.txt and prints it
#   SECONDS_TRACED=10 bench/profile.sh /
#
# Needs what bench/run.sh needs, plus perf (apt-get install -y linux-perf). Run bench/run.sh (or
# REUSE_DB=1 bench/run.sh) first. perf, not dotnet-trace: its thread-time sampler also samples threads that wait
# for a core (32 connections on 2), and cannot see time in SQLite or the GC.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGE=${1:?"usage: bench/profile.sh PATH (e.g. /tags/ngoai-giao)"}
WORK=${WORK:-/tmp/ajn-bench}
PORT=${PORT:-5098}
SECONDS_TRACED=${SECONDS_TRACED:-8}
BASE="http://127.0.0.1:$PORT"
APP="$WORK/app"
[ -f "$APP/AseanJapanNews.Web.dll" ] && [ -f "$WORK/news.db" ] || { echo "profile: run bench/run.sh first" >&2; exit 2; }
command -v perf >/dev/null || { echo "profile: needs perf (apt-get install -y linux-perf)" >&2; exit 2; }

NAME=$(printf '%s' "$PAGE" | tr -c 'a-zA-Z0-9' '-' | sed 's/^-*//; s/-*$//'); NAME=${NAME:-home}
OUT="$WORK/profile-$NAME"
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT

# The same server as bench/run.sh's uncached rows, plus a perf map so perf can name JIT-compiled methods (with
# W^X off, so that code is not behind a second mapping the map does not describe).
(cd "$APP" && exec env News__DatabasePath="$WORK/news.db" News__OutputCache=false News__ImportOnStartup=false \
    Serilog__MinimumLevel__Default=Warning DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 ASPNETCORE_URLS="$BASE" \
    dotnet AseanJapanNews.Web.dll >"$OUT.server.log" 2>&1) &
SERVER_PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$PAGE")" != 000 ]; do
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "profile: server died" >&2; tail -20 "$OUT.server.log" >&2; exit 1; }
  sleep 0.05
done
curl -fs -o /dev/null "$BASE$PAGE" || { echo "profile: $PAGE does not answer 200" >&2; exit 1; }
# Past JIT tiering and heap sizing before anything is recorded: under 32 connections on 2 cores the tiered JIT
# still took 10-15% of the article page's CPU 15 s after start.
wrk -t2 -c32 -d"${WARMUP_S:-40}s" "$BASE$PAGE" >/dev/null

echo "profile: perf, $SECONDS_TRACED s" >&2
wrk -t2 -c32 -d"$(( SECONDS_TRACED + 2 ))s" "$BASE$PAGE" > "$OUT.wrk.txt" &
WRK=$!
perf record -q -F 999 -g -p "$SERVER_PID" -o "$OUT.perf.data" -- sleep "$SECONDS_TRACED" 2>/dev/null
wait "$WRK"
perf report -i "$OUT.perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' \
  | awk '$1+0 >= 0.5' > "$OUT.perf-dso.txt"
perf report -i "$OUT.perf.data" --no-children --sort sym --stdio -g none 2>/dev/null | grep -v '^#' \
  | grep -v '^$' | sed -n 1,30p > "$OUT.perf-sym.txt"
perf script -i "$OUT.perf.data" -F ip,sym,dso 2>/dev/null > "$OUT.perf-script.txt"

{
  echo "# Profile of $PAGE, uncached, wrk -t2 -c32, perf at 999 Hz for $SECONDS_TRACED s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  grep -h 'Requests/sec' "$OUT.wrk.txt"
  echo
  echo "## The server's CPU by part of a request (bench/profile-parts.py)"
  echo
  python3 bench/profile-parts.py "$OUT.perf-script.txt"
  echo
  echo "## By binary (self time)"
  echo
  cat "$OUT.perf-dso.txt"
  echo
  echo "## Hottest functions (self time)"
  echo
  cat "$OUT.perf-sym.txt"
} > "$OUT.txt"
cat "$OUT.txt"
