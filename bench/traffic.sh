#!/usr/bin/env bash
# Benchmark of real traffic (issue 17), on loopback only, bounded in time (about 10-15 minutes at the defaults):
#   Release build → synthetic corpus (100,000 articles, 5,000 tags, the domain's words at real frequencies) → timed
#   import → the site started on the database, asked what it shows (sitemaps, topics) → the request sequences
#   (bench/traffic/urls.py, seeded) → one server per workload, each after a warm-up:
#     static      the hottest article's bytes as a static file through the same Kestrel: the ceiling (start and end)
#     crawler     every published article once, in random order, output cache on
#     readers     the readers' mix (75% articles by Zipf popularity, home, topics, archive, search, feeds)
#     readers + editor   the same, while an editor saves through the admin area every 10 s (bench/traffic/editor.py)
#     search      the query list alone, output cache off, at 1 and at 4 connections
#   → a section of BENCHMARKS.md (bench/traffic/report.py).
#
#   flock /tmp/build.lock bench/traffic.sh          # everything (on a shared machine, under the build lock)
#   ARTICLES=20000 DURATION=10s WARMUP=5s bench/traffic.sh   # a quicker look
#   REUSE_DB=1 bench/traffic.sh                     # keep the previous run's database, import time and RSS
#   LABEL="after the change log" bench/traffic.sh   # what this run measured, shown above its table
#
# Every request sends Accept-Encoding: gzip, br, like a browser. Needs wrk, curl, python3 and GNU time
# (apt-get install -y wrk curl python3 time).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ARTICLES=${ARTICLES:-100000}
TAGS=${TAGS:-5000}
SEED=${SEED:-42}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
EDIT_EVERY=${EDIT_EVERY:-10}
PORT=${PORT:-5098}
WORK=${WORK:-/tmp/ajn-traffic}
OUTPUT=${OUTPUT:-$ROOT/BENCHMARKS.md}
LABEL=${LABEL:-"commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' with uncommitted changes')"}
BASE="http://127.0.0.1:$PORT"

for tool in wrk curl python3 dotnet; do
  command -v "$tool" >/dev/null || { echo "traffic: $tool is missing (apt-get install -y wrk curl python3; .NET SDK for dotnet)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "traffic: GNU time is missing (apt-get install -y time): it measures the import's peak RSS" >&2; exit 2; }
seconds_of() { local d=$1; case $d in *ms) echo "0.${d%ms}";; *m) echo $(( ${d%m} * 60 ));; *s) echo "${d%s}";; *) echo "$d";; esac; }
DURATION_S=$(seconds_of "$DURATION"); WARMUP_S=$(seconds_of "$WARMUP")
if curl -s -o /dev/null "$BASE/"; then echo "traffic: something already answers on $BASE (PORT=…)" >&2; exit 2; fi

APP="$WORK/app"
DBDIR="$WORK/db"            # the database and whatever the site keeps beside it (a search index folder …)
DB="$DBDIR/news.db"
# The corpus is named after the generator's source too, so a changed generator never reuses an old corpus.
GENERATOR=$(sha1sum src/AseanJapanNews.Web/Content/SyntheticCorpus.cs | cut -c1-8)
CORPUS="$WORK/corpus-$ARTICLES-$TAGS-$SEED-$GENERATOR"
LISTS="$WORK/lists"
RESULTS="$WORK/results.txt"
mkdir -p "$WORK" "$WORK/static" "$DBDIR"
: > "$RESULTS"; : > "$WORK/rss.txt"; : > "$WORK/startups.txt"
SERVER_PID=""
EDITOR_PID=""

cleanup() {
  [ -n "$EDITOR_PID" ] && kill "$EDITOR_PID" 2>/dev/null
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s%N; }
seconds_since() { local ms=$(( ($(now) - $1) / 1000000 )); printf '%d.%02d' $((ms / 1000)) $(((ms % 1000) / 10)); }
RUN_START=$(now)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

echo "traffic: Release build (ReadyToRun)" >&2
rm -rf "$APP"
RID=$(dotnet --info | awk '/RID:/ {print $2; exit}')
dotnet publish src/AseanJapanNews.Web -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true \
  -o "$APP" --nologo -v quiet >/dev/null

# The app's settings for every run: the benchmark database, warnings-only logs (a console line per request would
# measure the console), the corpus as content folder, links made for this address.
export News__DatabasePath="$DB" News__ContentPath="$CORPUS" News__BaseUrl="$BASE" Serilog__MinimumLevel__Default=Warning \
       DOTNET_CLI_TELEMETRY_OPTOUT=1

if [ ! -d "$CORPUS/articles" ]; then
  echo "traffic: generating $ARTICLES articles (seed $SEED)" >&2
  rm -rf "$CORPUS.tmp"
  (cd "$APP" && dotnet AseanJapanNews.Web.dll generate --articles "$ARTICLES" --tags "$TAGS" --seed "$SEED" --out "$CORPUS.tmp" >/dev/null)
  mv "$CORPUS.tmp" "$CORPUS"
  cp -r content/cleaning "$CORPUS/"
fi
CORPUS_BYTES=$(du -sb "$CORPUS/articles" | cut -f1)

if [ "${REUSE_DB:-0}" = 1 ] && [ -f "$DB" ] && [ -f "$WORK/import.txt" ]; then
  # REUSE_DB=1: the previous run's database (with its editor's saves) and its import measurements.
  echo "traffic: reusing $DB" >&2
  (cd "$APP" && dotnet AseanJapanNews.Web.dll import --content /nonexistent >/dev/null 2>&1 || true)  # new migrations only
else
  echo "traffic: importing into an empty database" >&2
  rm -rf "$DBDIR"; mkdir -p "$DBDIR"
  start=$(now)
  (cd "$APP" && /usr/bin/time -v -o "$WORK/import.time" dotnet AseanJapanNews.Web.dll import >"$WORK/import.log" 2>&1) \
    || { echo "traffic: import failed:" >&2; tail -20 "$WORK/import.log" >&2; exit 1; }
  printf '%s\n%s\n%s\n' "$(seconds_since "$start")" "$(awk '/Maximum resident set size/ {print $NF}' "$WORK/import.time")" \
    "$(tail -1 "$WORK/import.log")" > "$WORK/import.txt"
fi
IMPORT_S=$(sed -n 1p "$WORK/import.txt"); IMPORT_RSS_KB=$(sed -n 2p "$WORK/import.txt"); IMPORTED=$(sed -n 3p "$WORK/import.txt")
echo "traffic: import $IMPORT_S s, peak RSS $((IMPORT_RSS_KB / 1024)) MB ($IMPORTED)" >&2

# The search index, built from the database as a site does for an index that is missing (in the background there,
# in the foreground here, so that every workload meets a complete index): the time to a fully indexed site.
if [ "${REUSE_DB:-0}" = 1 ] && [ -f "$WORK/index.txt" ]; then
  (cd "$APP" && dotnet AseanJapanNews.Web.dll rebuild-search >/dev/null 2>&1) || true
else
  start=$(now)
  (cd "$APP" && /usr/bin/time -v -o "$WORK/index.time" dotnet AseanJapanNews.Web.dll rebuild-search >"$WORK/index.log" 2>&1) \
    || { echo "traffic: rebuild-search failed:" >&2; tail -20 "$WORK/index.log" >&2; exit 1; }
  printf '%s\n%s\n' "$(seconds_since "$start")" "$(awk '/Maximum resident set size/ {print $NF}' "$WORK/index.time")" > "$WORK/index.txt"
fi
INDEX_S=$(sed -n 1p "$WORK/index.txt"); INDEX_RSS_KB=$(sed -n 2p "$WORK/index.txt")
echo "traffic: search index built in $INDEX_S s, peak RSS $((INDEX_RSS_KB / 1024)) MB" >&2

# The editor's account, made the way an administrator makes one, before the site starts.
EDITOR_EMAIL=bench-editor@example.com
export EDITOR_PASSWORD=bench-editor-password-17
(cd "$APP" && echo "$EDITOR_PASSWORD" | dotnet AseanJapanNews.Web.dll create-editor --email "$EDITOR_EMAIL" --name "Biên tập thử tải" \
  >"$WORK/create-editor.log" 2>&1) || echo "traffic: create-editor: $(tail -1 "$WORK/create-editor.log") (an earlier run's account?)" >&2

start_server() { # $1 = output cache true/false, $2 = name; sets SERVER_PID and STARTUP_S
  local start; start=$(now)
  if curl -s -o /dev/null "$BASE/"; then echo "traffic: something still answers on $BASE" >&2; exit 1; fi
  (cd "$APP" && exec env News__OutputCache="$1" News__ImportOnStartup=false News__StaticCopyPath="$WORK/static" \
      ASPNETCORE_URLS="$BASE" dotnet AseanJapanNews.Web.dll >"$WORK/server-$2.log" 2>&1) &
  SERVER_PID=$!
  until curl -fs -o /dev/null "$BASE/"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "traffic: server died:" >&2; tail -20 "$WORK/server-$2.log" >&2; exit 1; }
    sleep 0.02
  done
  STARTUP_S=$(seconds_since "$start")
  echo "$2|$STARTUP_S" >> "$WORK/startups.txt"
  echo "traffic: server $2 (output cache $1) answered after $STARTUP_S s" >&2
}

stop_server() { # $1 = row; records the server's peak RSS (VmHWM, kB) and waits until it has exited
  echo "$1|$(awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status")" >> "$WORK/rss.txt"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

run_wrk() { # $1 = connections, $2 = duration, $3 = paths file, $4 = offset, $5 = plain or empty; prints the RESULT fields
  local threads=$(( $1 < THREADS ? $1 : THREADS ))
  wrk -t"$threads" -c"$1" -d"$2" --timeout 10s -s bench/traffic/replay.lua "$BASE" -- "$3" "$4" "$threads" ${5:-} \
    | awk '/^RESULT/ {$1=""; print substr($0, 2)}'
}

measure() { # $1 = row, $2 = connections, $3 = paths file, $4 = warm-up offset, $5 = plain (static); appends to $RESULTS
  [ "$WARMUP_S" != 0 ] && run_wrk "$2" "$WARMUP" "$3" "$4" "${5:-}" >/dev/null
  local before after line
  before=$(cpu_ticks)
  line=$(run_wrk "$2" "$DURATION" "$3" 0 "${5:-}")
  after=$(cpu_ticks)
  [ -n "$line" ] || { echo "traffic: wrk gave no result for $1" >&2; exit 1; }
  echo "$1|$2|$line|$((after - before))" >> "$RESULTS"
  echo "traffic: $1: $line (server CPU $((after - before)) ticks)" >&2
}

# --- What the site shows, the request sequences, the static file -------------------------------------------------
start_server true discover
STARTUP_FIRST=$STARTUP_S
python3 bench/traffic/urls.py "$BASE" "$CORPUS" "$LISTS" "$SEED"
HOT=$(cat "$LISTS/static.txt")
# The static file holds the bytes the site answers the hottest article with (brotli, as the browser asked).
curl -fs -H 'Accept-Encoding: gzip, br' "$BASE$HOT" -o "$WORK/static/article.html"
echo "/static-copy/article.html" > "$LISTS/static-paths.txt"
# The hit ratio counts answers with an Age header: check that the output cache adds it, and only it.
FIRST_AGE=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip, br' "$BASE$(sed -n 2p "$LISTS/crawler.txt")" | grep -ci '^age:' || true)
SECOND_AGE=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip, br' "$BASE$(sed -n 2p "$LISTS/crawler.txt")" | grep -ci '^age:' || true)
if [ "$FIRST_AGE" = 0 ] && [ "$SECOND_AGE" = 1 ]; then AGE_CHECK=yes; else AGE_CHECK="no (first answer $FIRST_AGE, second $SECOND_AGE)"; fi
echo "traffic: only answers from the output cache carry Age: $AGE_CHECK" >&2
measure "static (start)" "$CONNECTIONS" "$LISTS/static-paths.txt" 0 plain
stop_server "static (start)"

# --- Workloads, each on a server of its own so its peak RSS is its own ----------------------------------------------
CRAWLER_WARMUP_OFFSET=$(( $(wc -l < "$LISTS/crawler.txt") / 2 ))  # another part of the list: no page seen twice
READERS_WARMUP_OFFSET=$(( $(wc -l < "$LISTS/readers.txt") / 2 ))

start_server true crawler
measure "crawler" "$CONNECTIONS" "$LISTS/crawler.txt" "$CRAWLER_WARMUP_OFFSET"
stop_server "crawler"

start_server true readers
measure "readers" "$CONNECTIONS" "$LISTS/readers.txt" "$READERS_WARMUP_OFFSET"
stop_server "readers"

start_server true readers-editor
# The editor works through the warm-up too, so the measured window sees a newsroom's steady state.
EDITOR_SECONDS=$(python3 -c "print($WARMUP_S + $DURATION_S)")
python3 bench/traffic/editor.py "$BASE" "$EDITOR_EMAIL" "$LISTS/editor.txt" "$EDITOR_SECONDS" "$EDIT_EVERY" \
  "$WORK/editor.log" "$WORK/editor.json" &
EDITOR_PID=$!
measure "readers + editor" "$CONNECTIONS" "$LISTS/readers.txt" "$READERS_WARMUP_OFFSET"
wait "$EDITOR_PID" || echo "traffic: the editor script failed (see $WORK/editor.log)" >&2
EDITOR_PID=""
stop_server "readers + editor"
cat "$WORK/editor.log" >&2

start_server false search-1
measure "search, 1 connection" 1 "$LISTS/search.txt" 250
stop_server "search, 1 connection"

start_server false search-4
measure "search, 4 connections" 4 "$LISTS/search.txt" 250
stop_server "search, 4 connections"

start_server true static-end
measure "static (end)" "$CONNECTIONS" "$LISTS/static-paths.txt" 0 plain
stop_server "static (end)"

# --- The database after the run (servers stopped: the WAL is checkpointed) and the report ------------------------------
( cd "$DBDIR" && find . -mindepth 1 -maxdepth 1 -exec du -sb {} + ) > "$WORK/db-sizes.txt"
RUN_S=$(seconds_since "$RUN_START")
export BENCH_LOAD="before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)" BENCH_LABEL="$LABEL"
python3 bench/traffic/report.py "$OUTPUT" "$WORK" "$LISTS" <<EOF
{"articles": $ARTICLES, "tags": $TAGS, "seed": $SEED, "duration": "$DURATION", "warmup": "$WARMUP",
 "threads": $THREADS, "connections": $CONNECTIONS, "edit_every": $EDIT_EVERY,
 "import_s": "$IMPORT_S", "import_rss_kb": $IMPORT_RSS_KB, "imported": "$IMPORTED", "startup_s": "$STARTUP_FIRST",
 "index_s": "$INDEX_S", "index_rss_kb": $INDEX_RSS_KB,
 "corpus_bytes": $CORPUS_BYTES, "static_bytes": $(stat -c %s "$WORK/static/article.html"), "hot_article": "$HOT",
 "age_check": "$AGE_CHECK", "run_s": "$RUN_S", "clock_ticks": $(getconf CLK_TCK), "reuse_db": "${REUSE_DB:-0}"}
EOF
echo "traffic: wrote $OUTPUT ($RUN_S s in all)" >&2
