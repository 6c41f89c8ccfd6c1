"""Splits the server's CPU samples from `perf script -F ip,sym,dso` into the parts of a reader request.

    python3 bench/profile-parts.py profile.perf-script.txt

A sample in native code goes to its binary (SQLite's frames carry no call chain, so SQLite is counted by the
leaf alone). A sample in JIT-compiled code goes to the frame nearest the leaf whose assembly names a part:
EF Core under our catalog counts as EF Core, System.* frames say nothing and the search goes on towards the root.
"""
import collections
import re
import sys

NATIVE = [
    ("libe_sqlite3", "SQLite engine (native)"),
    ("kernel", "Kernel (sockets, scheduling)"),
    ("libcoreclr", "Runtime (GC, allocation, type checks, stubs)"),
    ("libclrjit", "JIT compiler"),
    ("libcrypto", "SHA-256 of the ETag (OpenSSL)"),
    ("libc.so", "libc (memset/memmove, locks: mostly the GC's and SQLite's)"),
    ("ld-linux", "libc (memset/memmove, locks: mostly the GC's and SQLite's)"),
]
MANAGED = [
    ("Razor views and HTML encoding", lambda asm, typ: typ.startswith("AspNetCoreGeneratedDocument")
        or asm.startswith(("Microsoft.AspNetCore.Mvc.Razor", "Microsoft.AspNetCore.Razor", "Microsoft.AspNetCore.Mvc.ViewFeatures",
                           "Microsoft.AspNetCore.Html", "System.Text.Encodings.Web"))),
    ("SQLite ADO.NET provider (Microsoft.Data.Sqlite)", lambda asm, typ: asm.startswith(("Microsoft.Data.Sqlite", "SQLitePCLRaw"))),
    ("EF Core (LINQ expression trees, query cache, commands, materializing)",
        lambda asm, typ: asm.startswith(("Microsoft.EntityFrameworkCore", "System.Linq.Expressions"))),
    ("Markdig (Markdown)", lambda asm, typ: asm.startswith("Markdig")),
    ("Our code (catalog, search, ETag middleware, HTML helpers)", lambda asm, typ: asm.startswith("AseanJapanNews")),
    ("Serilog request log", lambda asm, typ: asm.startswith("Serilog")),
    ("Kestrel, MVC, routing, other middleware", lambda asm, typ: asm.startswith("Microsoft.AspNetCore")),
]
OTHER = ".NET base library and thread pool, no caller above"
METHOD = re.compile(r"\[([^\]]+)\]\s*([^\s\[]+)::")


def part_of(frames):
    """frames: (symbol, binary) from the leaf to the root."""
    symbol, binary = frames[0]
    if not binary.endswith(".map"):
        for marker, part in NATIVE:
            if marker in binary:
                return part
        return f"Other native ({binary.rsplit('/', 1)[-1]})"
    for symbol, binary in frames:
        method = METHOD.search(symbol)
        if method:
            for part, test in MANAGED:
                if test(method.group(1), method.group(2)):
                    return part
    return OTHER


def samples(path):
    frames = []
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.strip()
        if not line:
            if frames:
                yield frames
            frames = []
            continue
        # "<address> <symbol> (<binary>)"
        body = line.split(" ", 1)[1] if " " in line else ""
        symbol, _, binary = body.rpartition(" (")
        frames.append((symbol, binary.rstrip(")")))
    if frames:
        yield frames


def main(path):
    parts = collections.Counter(part_of(f) for f in samples(path))
    total = sum(parts.values())
    print("| Part | Share of the server's CPU samples |")
    print("| --- | ---: |")
    for part, count in parts.most_common():
        print(f"| {part} | {100 * count / total:.1f}% |")
    print(f"\n{total} samples")


if __name__ == "__main__":
    main(sys.argv[1])
