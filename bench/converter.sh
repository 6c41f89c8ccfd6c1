#!/usr/bin/env bash
# Converter throughput: builds bench/ConverterBench in Release and converts the shared seeds article by
# article until about MEGABYTES (default 20) of text have gone through, RUNS times (default 3).
# Usage: bench/converter.sh [MEGABYTES] [RUNS]      (seeds: $SEEDS_DIR, default ../shared/seeds)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seeds="${SEEDS_DIR:-$root/../shared/seeds}"
dotnet build "$root/bench/ConverterBench" -c Release -v quiet -nologo >/dev/null
dotnet "$root/bench/ConverterBench/bin/Release/net10.0/ConverterBench.dll" "$root" "$seeds" "${1:-20}" "${2:-3}"
