"""Turns bench/run.sh's raw results into BENCHMARKS.md: machine, table, targets met or missed."""
import os
import platform
import subprocess
import sys

(results, output, import_s, imported, startup_s, peak_kb, articles, tags, seed,
 duration, threads, connections, article_bytes) = sys.argv[1:14]

rows = []
for line in open(results, encoding="utf-8"):
    label, mode, path, rest = line.rstrip("\n").split("|", 3)
    rps, p50, p95, p99, failed, total = rest.split()
    rows.append(dict(label=label, mode=mode, path=path, rps=float(rps), p50=float(p50), p95=float(p95),
                     p99=float(p99), failed=int(failed), total=int(total)))

def find(label, mode):
    return next((r for r in rows if (r["label"] == label or r["label"].startswith(label + " ")) and r["mode"] == mode), None)

def cpu():
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()

def mem_gib():
    for line in open("/proc/meminfo", encoding="utf-8"):
        if line.startswith("MemTotal"):
            return int(line.split()[1]) / 1024 / 1024
    return 0

def run(*cmd):
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

static = next((r for r in rows if r["mode"] == "static"), None)
lines = []
w = lines.append
w("# Benchmarks")
w("")
w(f"One run of `bench/run.sh` ({articles} synthetic articles, {tags} tags, seed {seed}; wrk {threads} threads, "
  f"{connections} connections, {duration} per row, loopback). Reproduce with:")
w("")
w("```sh")
w("sudo apt-get install -y wrk curl   # Debian 12")
w("bench/run.sh                       # about 10 minutes; rewrites this file")
w("```")
w("")
w("## Machine")
w("")
w(f"- CPU: {cpu()}, {os.cpu_count()} cores (wrk and the server share them)")
w(f"- Memory: {mem_gib():.0f} GiB; OS: {os_name()}; kernel {platform.release()}")
w(f"- .NET SDK {run('dotnet', '--version')}; {run('wrk', '--version') if False else 'wrk (Debian package)'}")
w(f"- Load average (1, 5, 15 min) {os.environ.get('BENCH_LOAD', '?')}: other work on the machine shares the 2 cores")
w("- Server: Release build (`dotnet publish`, ReadyToRun), Kestrel, SQLite file in WAL mode, logging at Warning "
  "(one console line per request would measure the console)")
w("")
w("## Results")
w("")
w("| Page | Mode | Requests/s | × static | p50 ms | p95 ms | p99 ms | Failed |")
w("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    ratio = f"{r['rps'] / static['rps']:.2f}" if static else "–"
    w(f"| {r['label']} `{r['path'][:40]}` | {r['mode']} | {r['rps']:,.0f} | {ratio} | {r['p50']:.2f} | {r['p95']:.2f} | "
      f"{r['p99']:.2f} | {r['failed']} of {r['total']:,} |")
w("")
w(f"- Import of the {articles}-article corpus into an empty database: **{import_s} s** ({imported})")
w(f"- Start-up to the first 200 on the existing database (process start → `GET /`): **{startup_s} s**")
w(f"- Peak RSS of the server (VmHWM, highest of the two server runs): **{int(peak_kb) / 1024:.0f} MB**")
w(f"- Article page size: {int(article_bytes):,} bytes (uncompressed; wrk does not ask for compression)")
w("")
w("## Targets")
w("")
w("| Target | Measured | Met |")
w("| --- | --- | --- |")

def target(name, measured, ok):
    w(f"| {name} | {measured} | {'yes' if ok else '**no**'} |")

if static:
    for label in ("Article", "Home", "Tag page"):
        r = find(label, "cached")
        if r:
            ratio = r["rps"] / static["rps"]
            target(f"Cached {label.lower()}: ≥ 0.7× static requests/s", f"{ratio:.2f}×", ratio >= 0.7)
            target(f"Cached {label.lower()}: p99 < 10 ms", f"{r['p99']:.2f} ms", r["p99"] < 10)
    r = find("Article", "uncached")
    if r:
        ratio = r["rps"] / static["rps"]
        target("Uncached article: ≥ 0.25× static", f"{ratio:.2f}×", ratio >= 0.25)
for label in ("Home", "Tag page", "Month archive", "Home, page 200"):
    r = find(label, "uncached")
    if r:
        target(f"Uncached {label.lower()}: p99 < 25 ms", f"{r['p99']:.2f} ms", r["p99"] < 25)
for label in ("Search with diacritics", "Search without diacritics"):
    r = find(label, "uncached")
    if r:
        target(f"{label} (uncached): p95 < 50 ms", f"{r['p95']:.2f} ms", r["p95"] < 50)
target("Import: < 60 s", f"{import_s} s", float(import_s) < 60)
target("Start-up: < 3 s", f"{startup_s} s", float(startup_s) < 3)
target("Peak RSS: < 400 MB", f"{int(peak_kb) / 1024:.0f} MB", int(peak_kb) / 1024 < 400)
w("")
w("<!-- analysis -->")
w("")

existing = open(output, encoding="utf-8").read() if os.path.exists(output) else ""
marker = "<!-- analysis -->"
analysis = existing.split(marker, 1)[1].lstrip("\n") if marker in existing else ""
# bench/traffic.sh's section stays at the top, under the title, as it was.
traffic_start, traffic_end = "<!-- real-traffic -->", "<!-- /real-traffic -->"
if traffic_start in existing and traffic_end in existing:
    traffic = traffic_start + existing.split(traffic_start, 1)[1].split(traffic_end, 1)[0] + traffic_end
    lines[1:1] = ["", traffic]
with open(output, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + analysis)
