#!/usr/bin/env bash
# Benchmark of the reader site at newsroom scale, on loopback only, bounded in time (about 10 minutes):
#   Release build → synthetic corpus (100,000 articles, 5,000 tags) → timed import → timed start-up on the
#   existing database → wrk (2 threads, 32 connections) on each reader page with output caching on and off,
#   and the article's own HTML bytes as a static file through the same Kestrel (the ceiling) → BENCHMARKS.md.
#
#   bench/run.sh                       # everything, writes BENCHMARKS.md
#   ARTICLES=20000 DURATION=5s bench/run.sh   # a quicker look
#   REUSE_DB=1 bench/run.sh            # keep the previous run's database and import time
#
# Needs wrk, curl and python3 (apt-get install -y wrk curl python3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ARTICLES=${ARTICLES:-100000}
TAGS=${TAGS:-5000}
SEED=${SEED:-42}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-5099}
WORK=${WORK:-/tmp/ajn-bench}
OUTPUT=${OUTPUT:-$ROOT/BENCHMARKS.md}
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
mkdir -p "$WORK" "$WORK/static"
APP="$WORK/app"
DB="$WORK/news.db"
CORPUS="$WORK/corpus-$ARTICLES-$TAGS-$SEED"
RESULTS="$WORK/results.txt"
: > "$RESULTS"
SERVER_PID=""
PEAK_RSS_KB=0

cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; true; }
trap cleanup EXIT

now() { date +%s%N; }
seconds_since() { local ms=$(( ($(now) - $1) / 1000000 )); printf '%d.%02d' $((ms / 1000)) $(((ms % 1000) / 10)); }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: Release build (ReadyToRun)" >&2
rm -rf "$APP"
# Published as it would be deployed: ReadyToRun code for this machine's runtime, so a new node answers sooner
# (start-up to the first 200 on the 100,000-article database 2.0-2.5 s → 1.3-1.5 s); hot methods are still
# recompiled by the tiered JIT, so the steady state is the same.
RID=$(dotnet --info | awk '/RID:/ {print $2; exit}')
dotnet publish src/AseanJapanNews.Web -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true \
  -o "$APP" --nologo -v quiet >/dev/null

# The app's settings for every run: the benchmark database, warnings-only logs (one console line per request
# would measure the console, not the site), and the content folder that holds the corpus.
export News__DatabasePath="$DB" News__ContentPath="$CORPUS" Serilog__MinimumLevel__Default=Warning \
       DOTNET_CLI_TELEMETRY_OPTOUT=1

if [ ! -d "$CORPUS/articles" ]; then
  echo "bench: generating $ARTICLES articles" >&2
  rm -rf "$CORPUS.tmp"
  (cd "$APP" && dotnet AseanJapanNews.Web.dll generate --articles "$ARTICLES" --tags "$TAGS" --seed "$SEED" --out "$CORPUS.tmp" >/dev/null)
  mv "$CORPUS.tmp" "$CORPUS"
  # The converter's rules live in the content folder too.
  cp -r content/cleaning "$CORPUS/"
fi

if [ "${REUSE_DB:-0}" = 1 ] && [ -f "$DB" ] && [ -f "$WORK/import.txt" ]; then
  # REUSE_DB=1: keep the database (and the import time) of the previous run on the same corpus.
  IMPORT_S=$(sed -n 1p "$WORK/import.txt"); IMPORTED="$(sed -n 2p "$WORK/import.txt"); measured by an earlier run"
  (cd "$APP" && dotnet AseanJapanNews.Web.dll import --content /nonexistent >/dev/null 2>&1 || true)  # applies new migrations only
else
  echo "bench: importing into an empty database" >&2
  rm -f "$DB" "$DB-wal" "$DB-shm"
  start=$(now)
  (cd "$APP" && dotnet AseanJapanNews.Web.dll import >"$WORK/import.log" 2>&1)
  IMPORT_S=$(seconds_since "$start")
  IMPORTED=$(tail -1 "$WORK/import.log")
  printf '%s\n%s\n' "$IMPORT_S" "$IMPORTED" > "$WORK/import.txt"
fi
echo "bench: import $IMPORT_S s ($IMPORTED)" >&2

start_server() { # $1 = output cache on/off; sets SERVER_PID and STARTUP_S
  start=$(now)
  (cd "$APP" && exec env News__OutputCache="$1" News__ImportOnStartup=false News__StaticCopyPath="$WORK/static" \
      ASPNETCORE_URLS="$BASE" dotnet AseanJapanNews.Web.dll >"$WORK/server-$1.log" 2>&1) &
  SERVER_PID=$!
  until curl -fs -o /dev/null "$BASE/"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench: server died:" >&2; tail -20 "$WORK/server-$1.log" >&2; exit 1; }
    sleep 0.02
  done
  STARTUP_S=$(seconds_since "$start")
}

stop_server() {
  local hwm
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")
  [ "$hwm" -gt "$PEAK_RSS_KB" ] && PEAK_RSS_KB=$hwm
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

measure() { # $1 = label, $2 = mode, $3 = path
  # Warm up (JIT, caches, SQLite pages) for a few seconds before measuring.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE$3" >/dev/null
  local line
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/latency.lua "$BASE$3" | grep '^RESULT')
  echo "$1|$2|$3|${line#RESULT }" >> "$RESULTS"
  echo "bench: $2 $1: ${line#RESULT }" >&2
  if [ "$2" = uncached ]; then
    # The same page one request at a time: its own service time, without the queueing of 32 connections on 2 cores.
    line=$(wrk -t1 -c1 -d"$WARMUP" -s bench/latency.lua "$BASE$3" | grep '^RESULT')
    echo "$1|uncached, 1 connection|$3|${line#RESULT }" >> "$RESULTS"
  fi
}

article_slug() { # an article from page 26 of the home list, not one of the newest
  curl -fs "$BASE/?page=26" | grep -o 'href="/articles/[a-z0-9-]*"' | head -1 | sed 's|href="/articles/||; s|"||'
}
TAG=ngoai-giao
ARTICLE=""
page_list() { PAGES=(
  "Home|/"
  "Article|/articles/$ARTICLE"
  "Tag page (${TAG})|/tags/$TAG"
  "Month archive|/archive/2020/05"
  "Home, page 200|/?page=200"
  "Search with diacritics|/search?q=Ngo%E1%BA%A1i+giao"
  "Search without diacritics|/search?q=ngoai+giao"
  "RSS feed|/feed.xml"
); }

STARTUP_CACHED=""
for mode in true false; do
  start_server "$mode"
  [ -z "$STARTUP_CACHED" ] && STARTUP_CACHED=$STARTUP_S
  [ -z "$ARTICLE" ] && ARTICLE=$(article_slug)
  page_list
  echo "bench: output cache $mode, start-up to first 200: $STARTUP_S s" >&2
  if [ "$mode" = true ]; then
    # The ceiling: the article's own bytes, saved as a file and served by the same Kestrel as a static file.
    mkdir -p "$WORK/static"
    curl -fs "$BASE/articles/$ARTICLE" -o "$WORK/static/article.html"
    measure "Static file (same article bytes)" static "/static-copy/article.html"
  fi
  # Every page warmed before any is measured: the first rows otherwise ran before the server reached its steady
  # state (JIT tiering, the GC sizing its heaps): uncached home measured 944 req/s as the first row and 2,358 once
  # the other pages had run, same server, same 10 s.
  for entry in "${PAGES[@]}"; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE${entry#*|}" >/dev/null
  done
  for entry in "${PAGES[@]}"; do
    measure "${entry%%|*}" "$([ "$mode" = true ] && echo cached || echo uncached)" "${entry#*|}"
  done
  stop_server
done

ARTICLE_BYTES=$(stat -c %s "$WORK/static/article.html")
export BENCH_LOAD="before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/report.py "$RESULTS" "$OUTPUT" "$IMPORT_S" "$IMPORTED" "$STARTUP_CACHED" "$PEAK_RSS_KB" "$ARTICLES" "$TAGS" "$SEED" \
  "$DURATION" "$THREADS" "$CONNECTIONS" "$ARTICLE_BYTES"
echo "bench: wrote $OUTPUT" >&2
