#!/usr/bin/env bash
# The real-repository precision benchmark: audit pinned checkouts of real open-source backends,
# sample up to 8 findings per rule per repository into Tests/Precision/<owner>+<name>.tsv (verdicts
# already judged carry over), and print precision from the judged sheets.
#   scripts/precision.sh [--dir DIR] [--bin BACKCHECK] [--repo OWNER+NAME] [--per-rule N]
#   scripts/precision.sh --report [--markdown]
# Checkouts: DIR/<owner>+<name>/ (DIR defaults to $BACKCHECK_PRECISION_DIR, else
# /tmp/backcheck-precision) at the commit Tests/Precision/repos.tsv pins, recorded in
# DIR/<owner>+<name>.commit; a missing one is extracted with `git archive` from the bare mirror
# $BACKCHECK_MIRROR_DIR/<owner>+<name>/repo (default /work/.mirror). The binary is --bin, else
# $BACKCHECK_BIN, else .build/release/backcheck (build it with `swift build -c release`).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/precision.py "$@"
