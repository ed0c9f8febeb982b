#!/usr/bin/env bash
# Benchmarks backcheck on a generated corpus (default 60 MiB) with a release build.
#   scripts/bench.sh [MEGABYTES]
# Prints in-process lexer/analysis throughput with a byte-scan baseline, parse + analyze time of a
# generated 100k-line schema dump beside reading it, then whole-process
# audit times beside `cat` (and `rg`, when installed) over the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-60}
work=${BENCH_DIR:-/tmp/backcheck-bench}
corpus=$work/corpus-$size
mkdir -p "$work"
# ripgrep is the speed reference (docs/DESIGN.md §12); bc and GNU time do the arithmetic and peak RSS.
for tool in rg:ripgrep bc:bc /usr/bin/time:time; do
    command -v "${tool%%:*}" >/dev/null 2>&1 && continue
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq >/dev/null && apt-get install -y -qq "${tool##*:}" >/dev/null || true
    fi
done
[ -d "$corpus" ] || python3 scripts/gen-corpus.py "$corpus" "$size"

scratch=(--scratch-path "${BENCH_SCRATCH:-.build}")
swift build -c release "${scratch[@]}" --product backcheck >/dev/null
swift build -c release "${scratch[@]}" --product backcheck-bench >/dev/null
bin=$(swift build -c release "${scratch[@]}" --show-bin-path)

echo "== in process"
"$bin/backcheck-bench" "$corpus" 3

echo "== schema: parse + analyze a 100k-line pg_dump (target < 1 s)"
schema=$work/schema-100k.sql
[ -f "$schema" ] || python3 scripts/gen-schema.py 100000 "$schema" >/dev/null
"$bin/backcheck-bench" --schema "$schema" 3

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

echo "== whole process (warm cache)"
find "$corpus" -type f -print0 | xargs -0 cat >/dev/null
t0=$(now); find "$corpus" -type f -print0 | xargs -0 cat >/dev/null; t1=$(now)
cat_s=$(elapsed "$t0" "$t1")
printf 'cat of every file:        %6.2f s\n' "$cat_s"

if command -v rg >/dev/null 2>&1; then
    t0=$(now)
    rg -c -e 'hashlib\.(md5|sha1)' -e 'createHash\(.(md5|sha1)' -e 'AKIA[0-9A-Z]{16}' -e 'ghp_[A-Za-z0-9]{36}' \
       -e '(log|logger|console)\.[a-z]+\(.*(password|token|secret)' "$corpus" >/dev/null || true
    t1=$(now)
    printf 'rg with the pack'"'"'s regexes: %6.2f s\n' "$(elapsed "$t0" "$t1")"
fi

db=$work/bench.sqlite
rm -f "$db" "$db-wal" "$db-shm"
t0=$(now); /usr/bin/time -f '%M' -o "$work/rss" "$bin/backcheck" audit "$corpus" --db "$db" --format json --fail-on none >/dev/null; t1=$(now)
first=$(elapsed "$t0" "$t1")
printf 'backcheck audit (new db): %6.2f s  (%.1fx cat, %.1f MB/s, peak RSS %d MiB)\n' "$first" \
    "$(echo "$first / $cat_s" | bc -l)" "$(echo "$size / $first" | bc -l)" "$(( $(cat "$work/rss") / 1024 ))"
t0=$(now); "$bin/backcheck" audit "$corpus" --db "$db" --format json --fail-on none >/dev/null; t1=$(now)
again=$(elapsed "$t0" "$t1")
printf 'backcheck re-audit:       %6.2f s  (%.1fx cat)\n' "$again" "$(echo "$again / $cat_s" | bc -l)"
