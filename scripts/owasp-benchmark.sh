#!/usr/bin/env bash
# Recall on a suite nobody here wrote: audit a checkout of OWASP Benchmark Java and score it per
# category (TPR, FPR, score = TPR - FPR against its expectedresults-1.2.csv; overall = mean).
#   scripts/owasp-benchmark.sh CHECKOUT [--bin BACKCHECK] [--markdown] [--misses CATEGORY]
# Get a checkout with the `fetch` tool (github:OWASP-Benchmark/BenchmarkJava), then
#   git --git-dir=/work/.mirror/OWASP-Benchmark+BenchmarkJava/repo archive HEAD src expectedresults-1.2.csv | tar -x -C CHECKOUT
# The Benchmark is GPL-2.0 test data: never commit its files. The binary is --bin, else
# $BACKCHECK_BIN, else .build/release/backcheck (build it with `swift build -c release`).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/owasp-benchmark.py "$@"
