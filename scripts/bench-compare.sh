#!/usr/bin/env bash
# Whole-process audit time of two backcheck binaries on the same generated corpus, interleaved
# (A B A B ...) so that load on a noisy machine falls on both; prints each run and the median
# ratio B/A, and checks that both report the same number of findings.
#   scripts/bench-compare.sh BEFORE_BIN AFTER_BIN [MEGABYTES] [ROUNDS]
# Build the binaries with `git worktree add /tmp/before <commit>` and
# `swift build -c release --scratch-path .build-release` in each tree.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,7p "$0" >&2; exit 2; }
before=$1 after=$2 size=${3:-20} rounds=${4:-3}
work=${BENCH_DIR:-/tmp/backcheck-bench}
corpus=$work/corpus-$size
mkdir -p "$work"
[ -d "$corpus" ] || python3 scripts/gen-corpus.py "$corpus" "$size"
now() { date +%s.%N; }
results=$work/compare.tsv
: > "$results"
for round in $(seq "$rounds"); do
    for side in before after; do
        bin=${!side}
        db=$work/compare-$side.sqlite
        rm -f "$db" "$db-wal" "$db-shm"
        t0=$(now); "$bin" audit "$corpus" --db "$db" --format json --fail-on none > "$work/compare-$side.json"; t1=$(now)
        "$bin" audit "$corpus" --db "$db" --format json --fail-on none > /dev/null; t2=$(now)
        printf '%s\t%s\t%s\t%s\n' "$round" "$side" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" | tee -a "$results"
    done
done
python3 - "$results" "$work" <<'PY'
import json, statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().split("\n") if line]
for column, name in ((2, "audit (new db)"), (3, "re-audit")):
    by = {side: [float(r[column]) for r in rows if r[1] == side] for side in ("before", "after")}
    ratios = [a / b for a, b in zip(by["after"], by["before"])]
    print(f"{name}: before median {statistics.median(by['before']):.2f} s, after median "
          f"{statistics.median(by['after']):.2f} s, ratio after/before median {statistics.median(ratios):.2f}")
counts = {side: len(json.load(open(f"{sys.argv[2]}/compare-{side}.json"))["findings"]) for side in ("before", "after")}
print(f"findings: before {counts['before']}, after {counts['after']}")
PY
