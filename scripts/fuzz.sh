#!/usr/bin/env bash
# libFuzzer campaign over the targets in Fuzz/: every module is built with AddressSanitizer and
# libFuzzer's coverage; only the targets link libFuzzer's driver (Fuzz/Package.swift says why).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]      # default 60 s, every target
# Each target starts from its committed seed corpus Fuzz/Corpus/<target>/ and grows a working
# copy under .build-fuzz/corpus/; a crash, a leak or an input slower than 5 s (a hang) stops the
# campaign with exit 1 and leaves the input in .build-fuzz/artifacts/<target>/; keep it as a
# regression seed in Fuzz/Corpus/<target>/ once fixed. Prints each target's runs and coverage.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(ls Fuzz/Sources | grep -v '^FuzzDriver$'))
scratch=$PWD/.build-fuzz
# lld: the gold linker fails on libFuzzer's main beside SwiftPM's renamed entry point.
swift build --package-path Fuzz --scratch-path "$scratch" -Xswiftc -use-ld=lld \
    -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp 2>&1 | grep -E "error|Compiling Fuzz|Build" || true
status=0
# The runtime's backtracer reads the crashed stack, which AddressSanitizer reports as a second fault.
export SWIFT_BACKTRACE=enable=no
# Leaks are checked per input (libFuzzer's -detect_leaks), not at exit: LeakSanitizer cannot see
# pointers Swift packs into enum payloads, so a pack that stays loaded would read as leaked.
export LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0:leak_check_at_exit=0
for target in "${targets[@]}"; do
    binary=$(find "$scratch" -path "*/debug/$target" -type f | head -1)
    [ -x "$binary" ] || { echo "fuzz: $target did not build" >&2; exit 1; }
    work=$scratch/corpus/$target
    artifacts=$scratch/artifacts/$target
    mkdir -p "$work" "$artifacts"
    log=$scratch/$target.log
    if "$binary" "$work" "Fuzz/Corpus/$target" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=4096 \
        -max_len=65536 -artifact_prefix="$artifacts/" -print_final_stats=1 > "$log" 2>&1; then
        runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
        coverage=$(grep -E '^#[0-9]+.*cov:' "$log" | tail -1 | sed -E 's/.*cov: ([0-9]+) ft: ([0-9]+).*/\1 edges, \2 features/')
        echo "fuzz: $target: ${runs:-?} runs in ${seconds} s, coverage ${coverage:-?}, corpus $(ls "$work" | wc -l) inputs"
    else
        echo "fuzz: $target FAILED; input and log: $artifacts/, $log" >&2
        grep -E "ERROR|SUMMARY|Fatal|precondition" "$log" | head -5 >&2
        status=1
    fi
done
exit $status
