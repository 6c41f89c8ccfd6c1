#!/usr/bin/env bash
# Two builds of the site side by side on one corpus, for a change that must not make the hot pages slower (a
# refactor): each build is published from its git revision, imports the same generated corpus into a database of
# its own, and the builds take turns (ROUNDS times) serving the cached home, article and tag pages and the article's
# bytes as a static file through the same Kestrel. Rows are ratios to that static file within the same turn, so a
# busy machine moves both sides alike. Loopback only, bounded in time.
#
#   bench/side-by-side.sh BEFORE_REV [AFTER_REV]     # AFTER_REV defaults to the working tree's HEAD
#   ARTICLES=20000 DURATION=5s ROUNDS=2 PORT=5098 WORK=/tmp/ajn-side
#
# Needs wrk and curl (apt-get install -y wrk curl).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BEFORE=${1:?usage: bench/side-by-side.sh BEFORE_REV [AFTER_REV]}
AFTER=${2:-HEAD}
ARTICLES=${ARTICLES:-20000}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-2s}
ROUNDS=${ROUNDS:-2}
PORT=${PORT:-5098}
WORK=${WORK:-/tmp/ajn-side}
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "side-by-side: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }

SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  for side in before after; do git worktree remove --force "$WORK/src-$side" 2>/dev/null || true; done
  true
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK/static"
export Serilog__MinimumLevel__Default=Warning DOTNET_CLI_TELEMETRY_OPTOUT=1

RID=$(dotnet --info | awk '/RID:/ {print $2; exit}')
for side in before after; do
  rev=$BEFORE; [ "$side" = after ] && rev=$AFTER
  git worktree add --detach "$WORK/src-$side" "$rev" >/dev/null 2>&1
  echo "side-by-side: publishing $side ($(git rev-parse --short "$rev"))" >&2
  dotnet publish "$WORK/src-$side/src/AseanJapanNews.Web" -c Release -r "$RID" --self-contained false \
    -p:PublishReadyToRun=true -o "$WORK/app-$side" --nologo -v quiet >/dev/null
done

echo "side-by-side: generating and importing $ARTICLES articles into each database" >&2
dotnet "$WORK/app-after/AseanJapanNews.Web.dll" generate --articles "$ARTICLES" --tags $((ARTICLES / 20)) --out "$WORK/corpus" >/dev/null
for side in before after; do
  News__DatabasePath="$WORK/$side.db" News__ContentPath="$WORK/corpus" \
    dotnet "$WORK/app-$side/AseanJapanNews.Web.dll" import >/dev/null
done

start() {
  if curl -fs "$BASE/healthz" >/dev/null 2>&1; then echo "side-by-side: something already answers on $BASE" >&2; exit 1; fi
  (cd "$WORK/app-$1" && News__DatabasePath="$WORK/$1.db" News__ContentPath="$WORK/corpus" News__ImportOnStartup=false \
     News__StaticCopyPath="$WORK/static" ASPNETCORE_URLS="$BASE" exec dotnet AseanJapanNews.Web.dll >"$WORK/server-$1.log" 2>&1) &
  SERVER_PID=$!
  for _ in $(seq 1 100); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "side-by-side: the $1 build did not start" >&2; cat "$WORK/server-$1.log" >&2; exit 1
}
stop() {
  kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  # The next build must not find this one still answering on the port.
  for _ in $(seq 1 50); do curl -fs "$BASE/healthz" >/dev/null 2>&1 || return 0; sleep 0.2; done
  echo "side-by-side: the server on $BASE did not stop" >&2; exit 1
}
rate() {
  wrk -t2 -c32 -d"$WARMUP" "$BASE$1" >/dev/null
  wrk -t2 -c32 -d"$DURATION" "$BASE$1" | awk '/^Requests\/sec/ {print $2}'
}

printf '| round | build | static req/s | home | article | tag page |\n| ---: | --- | ---: | ---: | ---: | ---: |\n'
for round in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    start "$side"
    article=$(curl -fs "$BASE/?page=3" | grep -o 'href="/articles/[a-z0-9-]*"' | head -1 | sed 's|href="/articles/||; s|"||')
    tag=$(curl -fs "$BASE/articles/$article" | grep -o 'href="/tags/[a-z0-9-]*"' | head -1 | sed 's|href="/tags/||; s|"||')
    curl -fs "$BASE/articles/$article" -o "$WORK/static/article.html"
    static=$(rate /static-copy/article.html)
    home=$(rate /); page=$(rate "/articles/$article"); tagpage=$(rate "/tags/$tag")
    stop
    awk -v r="$round" -v s="$side" -v st="$static" -v h="$home" -v a="$page" -v t="$tagpage" \
      'BEGIN { printf "| %d | %s | %.0f | %.2f× | %.2f× | %.2f× |\n", r, s, st, h / st, a / st, t / st }'
  done
done
