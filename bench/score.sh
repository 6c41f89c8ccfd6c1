#!/usr/bin/env bash
# Blind-set score without a test run: failing checks ("FAIL set/file|Check", the KnownFailures keys) and tables
# per field and per situation. Usage: bench/score.sh [SET…]   (default: every blind set)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$root/bench/ConverterBench" -c Release -v quiet -nologo >/dev/null
dotnet "$root/bench/ConverterBench/bin/Release/net10.0/ConverterBench.dll" score "$root" "$@"
