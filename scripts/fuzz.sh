#!/usr/bin/env bash
# libFuzzer campaign over the targets in Fuzz/ (a separate package: -sanitize=fuzzer,address would
# otherwise reach the rule pack's build tool too).
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
[ ${#targets[@]} -gt 0 ] || targets=($(ls Fuzz/Sources))
scratch=$PWD/.build-fuzz
# lld: the gold linker fails on libFuzzer's main beside SwiftPM's renamed entry point.
swift build --package-path Fuzz --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
    $(for target in "${targets[@]}"; do printf -- '--product %s ' "$target"; done) 2>&1 | grep -E "error|Compiling Fuzz|Build" || true
status=0
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
