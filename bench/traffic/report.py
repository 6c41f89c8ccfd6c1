"""Turns bench/traffic.sh's raw results into the "Real traffic (issue 17)" section at the top of BENCHMARKS.md.

    python3 bench/traffic/report.py BENCHMARKS.md WORK LISTS < settings.json

The section sits between <!-- real-traffic --> and <!-- /real-traffic -->. Its head (what the workloads are, how to
run them) is rewritten each time; each run adds its table on top of the earlier runs' tables, which are kept as
they are. The rest of the file is left alone (bench/report.py keeps this section when it rewrites its own).
"""
import json
import os
import platform
import statistics
import subprocess
import sys
import time

output, work, lists = sys.argv[1:4]
settings = json.load(sys.stdin)
meta = json.load(open(os.path.join(lists, "meta.json"), encoding="utf-8"))
ticks = settings["clock_ticks"]

START, RUNS, END = "<!-- real-traffic -->", "<!-- real-traffic:runs -->", "<!-- /real-traffic -->"

rows = []
for line in open(os.path.join(work, "results.txt"), encoding="utf-8"):
    name, connections, fields, cpu = line.rstrip("\n").split("|")
    rps, p50, p95, p99, status_errors, socket_errors, requests, hits, responses, size, redirects = fields.split()
    rows.append(dict(name=name, connections=int(connections), rps=float(rps), p50=float(p50), p95=float(p95),
                     p99=float(p99), status_errors=int(status_errors), socket_errors=int(socket_errors),
                     requests=int(requests), hits=int(hits), responses=int(responses), bytes=int(size),
                     redirects=int(redirects), cpu_ticks=int(cpu)))
rss = dict(line.rstrip("\n").split("|") for line in open(os.path.join(work, "rss.txt"), encoding="utf-8"))
startups = [line.rstrip("\n").split("|") for line in open(os.path.join(work, "startups.txt"), encoding="utf-8")]
row = {r["name"]: r for r in rows}
statics = [r["rps"] for r in rows if r["name"].startswith("static")]
static = statistics.mean(statics) if statics else None

editor_file = os.path.join(work, "editor.json")
editor = json.load(open(editor_file, encoding="utf-8")) if os.path.exists(editor_file) else None

db_parts = []
for line in open(os.path.join(work, "db-sizes.txt"), encoding="utf-8"):
    size, name = line.split("\t", 1)
    db_parts.append((name.strip().removeprefix("./"), int(size)))
db_parts.sort(key=lambda p: -p[1])
db_bytes = sum(size for _, size in db_parts)
articles = settings["articles"]


def mb(n):
    return f"{n / 1024 / 1024:,.0f} MB"


def cpu():
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def first_line(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def os_name():
    try:
        for line in open("/etc/os-release", encoding="utf-8"):
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.platform()


def commas(n):
    return f"{n:,}"


# --- The head: what is measured, and how -------------------------------------------------------------------------------
mix = meta["reader_mix"]
head = [
    START,
    "## Real traffic (issue 17)",
    "",
    "`bench/traffic.sh` measures the site as real news traffic uses it, rather than one hot URL asked again and again "
    "(the rows further down). Reproduce with:",
    "",
    "```sh",
    "sudo apt-get install -y wrk curl time      # Debian 12; python3 and the .NET SDK too",
    "flock /tmp/build.lock bench/traffic.sh    # about 15 minutes; adds its table below",
    "ARTICLES=20000 DURATION=10s WARMUP=5s bench/traffic.sh   # a quicker look",
    "```",
    "",
    f"- **Corpus**: `generate --articles {commas(articles)} --tags {commas(settings['tags'])} --seed {settings['seed']}`: "
    "the domain's words at the shares real ASEAN–Japan coverage has them (\"Nhật Bản\" in 90% of the articles, "
    "\"Việt Nam\" 85%, \"hợp tác\" 60%, \"ASEAN\" and \"Hà Nội\" 50%, \"kinh tế\" 40%, \"đầu tư\" 35%, \"Thủ tướng\" 30%, "
    "then a tail of words in 20%, 10%, 5% and 1%), imported into an empty database; Release build (ReadyToRun), "
    "logging at Warning.",
    f"- **Each workload** runs on a server of its own (so its peak RSS is its own), with wrk {settings['threads']} threads "
    f"and {settings['connections']} connections unless said otherwise: a {settings['warmup']} warm-up on another part of "
    f"its request sequence, then {settings['duration']} measured (wrk timeout 10 s). Every request sends "
    "`Accept-Encoding: gzip, br`, like a browser: pages go out brotli-compressed, and the output cache keeps one entry "
    "per Accept-Encoding. The sequences are written beforehand by `bench/traffic/urls.py` (seeded) from what the site "
    "itself lists (sitemaps, `/tags`), and replayed by `bench/traffic/replay.lua`.",
    f"- **Static file** (the ceiling): the bytes the site answers the hottest article with ({commas(settings['static_bytes'])} "
    "bytes, brotli), as a file served by the same Kestrel (`/static-copy`), measured at the run's start and at its end; "
    "ratios are to the mean of the two.",
    f"- **Crawler**: every published article ({commas(meta['articles'])}) once, in random order, output cache on; the "
    "warm-up walks the second half of the list, the measurement the first, so no page is asked twice.",
    f"- **Readers**: a sequence of {commas(meta['reader_requests'])} requests ({commas(meta['distinct_reader_urls'])} distinct "
    f"URLs), output cache on: {mix['article']:.0%} article pages by Zipf(1.0) popularity over all {commas(meta['articles'])} "
    f"articles in a random order of popularity (the hottest gets {meta['hottest_article_share']:.1%} of the article views); "
    f"{mix['home']:.0%} the home page and its pages 2–10 (Zipf); {mix['tag']:.0%} topic pages, Zipf over the "
    f"{commas(meta['tags'])} topics by article count, 15% of them a later page (2–5) and 15% a date filter (a year or its first "
    f"half); {mix['archive']:.0%} month archives, uniform over {meta['months']} months, a fifth of them a later page; "
    f"{mix['search']:.0%} search, uniform over the search URLs below; {mix['feed']:.0%} feeds: RSS, Atom, a topic's RSS, "
    "the sitemap index, the pages sitemap, a month's sitemap.",
    f"- **Readers + editor**: the same sequence, while an editor saves through the admin area every "
    f"{settings['edit_every']} s from the warm-up's start (`bench/traffic/editor.py`, signed in through `/admin/login` "
    "with the antiforgery token, account made with `create-editor` before the site starts): alternately an edit of a "
    "random published article (any one of them, not only the hot ones: found by the admin list's search, its edit form "
    "fetched, title and body changed a little, posted with \"Lưu và giữ xuất bản\") and a new article created and "
    "published. A save is a success only when the form answers with its redirect. After each save a reader without "
    "cookies asks for the article's page every 10 ms until the new text shows (before an edit it asks twice, so the old "
    "page is cached): that is the visibility delay. The reader sends `Accept-Encoding: gzip` (Python cannot read "
    "brotli): its own cache entry, evicted with the others.",
    f"- **Search alone**: {meta['queries']} distinct queries, in random order, plus pages 2 and 3 of the eight common "
    f"words ({meta['search_urls']} URLs): each of the 29 domain words (in 1% to 90% of the articles) typed with "
    "diacritics, without, and as a quoted phrase both ways; pairs and triples of them, with and without diacritics; two "
    "or three words of an article's title (rare words, some quoted); topic names; a common word with a rare one; 15 "
    "queries that match nothing. Output cache off; at 1 connection and at 4, each on a fresh server.",
    "- **Columns**: *× static* is requests/s over the static file's; *errors* are answers 4xx/5xx plus socket errors "
    "(connect, read, write, timeout); *cache hits* are answers carrying an `Age` header, which only the output cache "
    "adds; *CPU/request* is the server process's utime + stime over the measured window (from `/proc/PID/stat`) ÷ "
    "requests; *peak RSS* is the server's VmHWM at the end of its workload, warm-up included; *bytes/answer* is what "
    "came over the socket per answer, headers included. The static rows run wrk without the script's per-answer "
    "callback (as plain wrk), so their ceiling is the server's, not the Lua's.",
    "",
    RUNS,
]

# --- This run ---------------------------------------------------------------------------------------------------------
run = []
w = run.append
w(f"### {os.environ.get('BENCH_LABEL', 'a run')} — {time.strftime('%Y-%m-%d')}")
w("")
w("| Workload | Conn. | Requests/s | × static | p50 ms | p95 ms | p99 ms | Errors | Cache hits | CPU ms/request | Peak RSS | Requests | Bytes/answer |")
w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    ratio = f"{r['rps'] / static:.3f}" if static else "–"
    errors = r["status_errors"] + r["socket_errors"]
    error_text = f"{errors}" if errors == 0 else f"**{errors}** ({r['status_errors']} status, {r['socket_errors']} socket)"
    hits = f"{r['hits'] / r['responses']:.1%}" if r["responses"] else "–"
    cpu_ms = r["cpu_ticks"] * 1000 / ticks / r["requests"] if r["requests"] else 0
    peak = f"{int(rss[r['name']]) // 1024} MB" if r["name"] in rss else "–"
    w(f"| {r['name']} | {r['connections']} | {r['rps']:,.1f} | {ratio} | {r['p50']:.2f} | {r['p95']:.2f} | "
      f"{r['p99']:.2f} | {error_text} | {hits} | {cpu_ms:.2f} | {peak} | {commas(r['requests'])} | "
      f"{commas(r['bytes'] // r['requests']) if r['requests'] else '–'} |")
w("")
w(f"- Import of the {commas(articles)} files into an empty database: **{settings['import_s']} s**, peak RSS "
  f"**{settings['import_rss_kb'] // 1024} MB** (GNU time; {settings['imported']})"
  + (" — measured by an earlier run (REUSE_DB=1)" if settings["reuse_db"] == "1" else ""))
if "index_s" in settings:
    w(f"- Search index built from that database (`rebuild-search`, as a site does for a missing index): **{settings['index_s']} s**, "
      f"peak RSS **{settings['index_rss_kb'] // 1024} MB**; import plus index: **{float(settings['import_s']) + float(settings['index_s']):.1f} s**")
w(f"- Start-up to the first 200 on the imported database (process start → `GET /`): **{settings['startup_s']} s** "
  f"(later starts: {', '.join(s for _, s in startups[1:])} s)")
w(f"- Database after the run: **{mb(db_bytes)}**, **{commas(db_bytes // articles)} bytes per article** "
  f"({', '.join(f'{name} {mb(size)}' for name, size in db_parts if size >= 1024 * 1024)}); the corpus's files are "
  f"{mb(settings['corpus_bytes'])} ({db_bytes / settings['corpus_bytes']:.1f}× them)")
if editor:
    kinds = [s["kind"] for s in editor["log"]]
    w(f"- Editor: **{editor['saves']} saves** (edits of published articles: {kinds.count('edit')}, "
      f"new articles published: {kinds.count('create')}), "
      f"**{editor['errors']} failed**; the change visible on the article's page after median **{editor['median_ms']} ms**, "
      f"max **{editor['max_ms']} ms** (each: {', '.join(f'{v:.0f}' for v in editor['visible_ms'])} ms)")
    for failure in (s for s in editor["log"] if not s["ok"]):
        w(f"  - {failure['kind']}: {failure['error']}")
for name in ("search, 1 connection", "search, 4 connections"):
    if name in row and row[name]["requests"] < meta["search_urls"]:
        w(f"- Search alone, {name.split(', ')[1]}: the measured window asked {commas(row[name]['requests'])} of the "
          f"{meta['search_urls']} search URLs (from the first; the warm-up from the 250th)")
w(f"- Only answers from the output cache carry `Age` (checked on one article, asked twice): {settings['age_check']}")
w(f"- Machine: {cpu()}, {os.cpu_count()} cores shared by wrk, the server and the editor; .NET SDK "
  f"{first_line('dotnet', '--version')}; {os_name()}; load average (1, 5, 15 min) {os.environ.get('BENCH_LOAD', '?')}")
w(f"- The whole run (build, corpus, import, seven servers) took {float(settings['run_s']) / 60:.1f} minutes")
w("")


def target(name, measured, ok):
    w(f"| {name} | {measured} | {'yes' if ok else '**no**'} |")


w("| Target (issue 17) | Measured | Met |")
w("| --- | --- | --- |")
if static and "crawler" in row:
    c = row["crawler"]
    target("Crawler: ≥ 0.05× static", f"{c['rps'] / static:.3f}×", c["rps"] / static >= 0.05)
    target("Crawler: p99 < 50 ms", f"{c['p99']:.0f} ms", c["p99"] < 50)
if static and "readers + editor" in row:
    e = row["readers + editor"]
    errors = e["status_errors"] + e["socket_errors"] + (editor["errors"] if editor else 0)
    target("Readers + editor: ≥ 0.15× static", f"{e['rps'] / static:.3f}×", e["rps"] / static >= 0.15)
    target("Readers + editor: p99 < 25 ms", f"{e['p99']:.1f} ms", e["p99"] < 25)
    target("Readers + editor: 0 errors (the editor's included)", str(errors), errors == 0)
    if "readers" in row and e["responses"] and row["readers"]["responses"]:
        a = row["readers"]["hits"] / row["readers"]["responses"]
        b = e["hits"] / e["responses"]
        target("Readers + editor: cache hit ratio within 10 points of readers alone",
               f"{b:.1%} against {a:.1%} ({(a - b) * 100:+.1f} points)", abs(a - b) <= 0.10)
for name, limit in (("search, 1 connection", 20), ("search, 4 connections", 50)):
    if name in row:
        target(f"Search alone, {name.split(', ')[1]}: p95 < {limit} ms", f"{row[name]['p95']:.1f} ms", row[name]["p95"] < limit)
if editor and editor["max_ms"] is not None:
    target("A save visible on the article's page: < 1 s", f"max {editor['max_ms']:.0f} ms", editor["max_ms"] < 1000)
target("Start-up: < 3 s", f"{settings['startup_s']} s", float(settings["startup_s"]) < 3)
peak_mb = max(int(v) for v in rss.values()) // 1024 if rss else 0
target("Peak RSS of the server: < 400 MB in every workload", f"{peak_mb} MB at most", peak_mb < 400)
target("Import: < 60 s", f"{settings['import_s']} s", float(settings["import_s"]) < 60)
target("Import: peak RSS < 400 MB", f"{settings['import_rss_kb'] // 1024} MB", settings["import_rss_kb"] // 1024 < 400)
if "index_s" in settings:
    target("Fully indexed site (import + search index): < 3 min", f"{float(settings['import_s']) + float(settings['index_s']):.1f} s",
           float(settings["import_s"]) + float(settings["index_s"]) < 180)
target("Database (with its search index): ≤ 2× the corpus's text", f"{db_bytes / settings['corpus_bytes']:.1f}×",
       db_bytes <= 2 * settings["corpus_bytes"])
w("")

# --- Into the file ------------------------------------------------------------------------------------------------------
existing = open(output, encoding="utf-8").read() if os.path.exists(output) else "# Benchmarks\n"
if START in existing and END in existing:
    before, rest = existing.split(START, 1)
    section, after = rest.split(END, 1)
    earlier = section.split(RUNS, 1)[1].strip("\n") if RUNS in section else ""
else:
    # A new section, placed under the file's title.
    title, _, body = existing.partition("\n")
    before, earlier, after = title + "\n\n", "", "\n\n" + body.lstrip("\n")
runs = "\n".join(run) + ("\n" + earlier + "\n" if earlier else "")
text = before + "\n".join(head) + "\n" + runs + "\n" + END + after
with open(output, "w", encoding="utf-8") as f:
    f.write(text)
