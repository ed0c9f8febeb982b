#!/usr/bin/env python3
"""Compare `backcheck routes` with the hand-verified route lists in Tests/Precision/routes/.

Each sheet `Tests/Precision/routes/<owner>+<name>.tsv` lists, one row per route, what a person
found by reading the project at one commit (columns: repository, commit, method, path, file,
line, note). For every sheet whose checkout is present at `$BACKCHECK_ROUTES_DIR/<owner>+<name>`
(default directory /tmp/routes-check), this runs `backcheck routes <dir> --format json` and
prints the hand routes, the extracted routes, the matches, the missed and extra routes, recall
and precision.

A route matches when its method and its path template agree: paths are compared with parameter
names left out and without a trailing slash; an extracted route answering any method (`*`)
matches a hand route of any method. Extracted routes are counted once per (method, path).

    scripts/route-check.py [--bin PATH] [--dir DIR] [--sheets DIR] [--verbose] [NAME ...]

Exit status is 0 unless a checkout is present and running or reading backcheck fails.
"""

import argparse
import csv
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def normalize(path):
    """The same form backcheck prints, with parameter names dropped: `/a/{}/b`."""
    segments = []
    for segment in path.split("/"):
        if not segment:
            continue
        if segment.startswith(":") or (segment.startswith("{") and segment.endswith("}")) \
                or (segment.startswith("<") and segment.endswith(">")):
            segments.append("{}")
        else:
            segments.append(re.sub(r"\{[^}]*\}", "{}", segment))
    return "/" + "/".join(segments)


def read_sheet(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row for row in rows if row.get("method")]


def run_backcheck(binary, directory):
    result = subprocess.run([binary, "routes", directory, "--format", "json"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"backcheck exited {result.returncode}: {result.stderr.strip()[:500]}")
    return json.loads(result.stdout)["routes"]


def compare(hand, extracted):
    hand_keys = {}
    for row in hand:
        hand_keys.setdefault((row["method"].upper(), normalize(row["path"])), row)
    found = {}
    for route in extracted:
        for method in route["methods"]:
            key = (method.upper(), normalize(route["path"]))
            found.setdefault(key, route)
    matched, missed = [], []
    for key, row in hand_keys.items():
        if key in found or ("*", key[1]) in found:
            matched.append(key)
        else:
            missed.append(row)
    extra = []
    for key, route in found.items():
        method, path = key
        real = (key in hand_keys) if method != "*" else any(p == path for _, p in hand_keys)
        if not real:
            extra.append(route | {"_method": method})
    return hand_keys, found, matched, missed, extra


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.environ.get("BACKCHECK_BIN", os.path.join(ROOT, ".build/release/backcheck")))
    parser.add_argument("--dir", default=os.environ.get("BACKCHECK_ROUTES_DIR", "/tmp/routes-check"))
    parser.add_argument("--sheets", default=os.path.join(ROOT, "Tests/Precision/routes"))
    parser.add_argument("--verbose", action="store_true", help="also list the matched routes")
    parser.add_argument("names", nargs="*", help="only these sheets (owner+name)")
    args = parser.parse_args()

    sheets = sorted(name for name in os.listdir(args.sheets) if name.endswith(".tsv"))
    failed = False
    totals = [0, 0, 0]
    for sheet in sheets:
        name = sheet[:-4]
        if args.names and name not in args.names:
            continue
        hand = read_sheet(os.path.join(args.sheets, sheet))
        commit = hand[0]["commit"] if hand else "?"
        checkout = os.path.join(args.dir, name)
        print(f"== {name} @ {commit[:12]}")
        if not os.path.isdir(checkout):
            print(f"   checkout not present at {checkout}: skipped")
            continue
        try:
            extracted = run_backcheck(args.bin, checkout)
        except Exception as error:  # noqa: BLE001 - reported, then the exit status says so
            print(f"   FAILED: {error}")
            failed = True
            continue
        hand_keys, found, matched, missed, extra = compare(hand, extracted)
        recall = len(matched) / len(hand_keys) if hand_keys else 1.0
        precision = (len(found) - len(extra)) / len(found) if found else 1.0
        totals[0] += len(hand_keys)
        totals[1] += len(found)
        totals[2] += len(matched)
        print(f"   hand routes: {len(hand_keys)}  extracted: {len(found)}  matched: {len(matched)}")
        print(f"   recall: {recall:.1%}  precision: {precision:.1%}")
        if args.verbose:
            for method, path in sorted(matched, key=lambda k: (k[1], k[0])):
                print(f"     ok     {method:7} {path}")
        for row in missed:
            print(f"     missed {row['method']:7} {row['path']}  ({row['file']}:{row['line']})")
        for route in sorted(extra, key=lambda r: (r["path"], r["_method"])):
            mark = "" if route.get("prefixKnown", True) else " ?"
            print(f"     extra  {route['_method']:7} {route['path']}{mark}  ({route['file']}:{route['line']})")
    if totals[0]:
        print(f"== all: hand routes {totals[0]}, extracted {totals[1]}, matched {totals[2]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
