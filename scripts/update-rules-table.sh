#!/usr/bin/env bash
# Regenerates the rule table in README.md from Rules/ (`backcheck rules list --format markdown`).
# RulesTableTests fails when the README's table and the rule pack disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product backcheck >/dev/null
table=$(mktemp)
"$(swift build --show-bin-path)/backcheck" rules list --format markdown > "$table"
python3 - "$table" <<'PY'
import re, sys
table = open(sys.argv[1]).read()
readme = open("README.md").read()
start, end = "<!-- rules-table:start -->", "<!-- rules-table:end -->"
before, rest = readme.split(start, 1)
_, after = rest.split(end, 1)
open("README.md", "w").write(before + start + "\n" + table + end + after)
PY
rm -f "$table"
echo "README.md rule table updated"
