#!/usr/bin/env bash
# Runs every test, then checks that no package has a known vulnerability. First installs what NuGet cannot
# bring: Debian's Chromium (browser tests drive /usr/bin/chromium through Playwright) and python3-feedparser
# (feeds are checked by a real feed reader).
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium fonts-noto-core)
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || need+=(python3-feedparser)
if [ ${#need[@]} -gt 0 ]; then
  echo "test.sh: installing ${need[*]} from Debian" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

rm -rf TestResults
status=0
dotnet test --solution AseanJapanNews.sln --results-directory "$PWD/TestResults" --report-trx "$@" || status=$?

# A package with a known vulnerability (NuGet's advisories, direct or transitive) fails the run too.
if ! audit=$(dotnet list AseanJapanNews.sln package --vulnerable --include-transitive 2>&1); then
  echo "$audit" >&2
  echo "test.sh: the vulnerable-package check could not run" >&2
  status=1
elif grep -q "has the following vulnerable packages" <<<"$audit"; then
  echo "$audit" >&2
  echo "test.sh: a package with a known vulnerability is referenced; update it" >&2
  status=1
else
  echo "test.sh: no package with a known vulnerability"
fi
exit $status
