#!/usr/bin/env python3
"""Score backcheck on a checkout of the OWASP Benchmark for Java, the Benchmark's way.

    scripts/owasp-benchmark.sh CHECKOUT [--bin BACKCHECK] [--markdown] [--misses CATEGORY]

A test case (one servlet, src/main/java/.../testcode/BenchmarkTestNNNNN.java) counts as flagged
when some finding in its file comes from a rule tagged with the CWE of the case's category;
per category TPR = flagged real vulnerabilities / real vulnerabilities, FPR = flagged safe
cases / safe cases, score = TPR - FPR; the overall score is the mean over categories. Truth is
the checkout's expectedresults-1.2.csv. The Benchmark is GPL-2.0 test data: never commit it.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

CATEGORY_NAMES = {
    "cmdi": "Command injection", "crypto": "Weak cipher", "hash": "Weak hash", "ldapi": "LDAP injection",
    "pathtraver": "Path traversal", "securecookie": "Cookie without Secure", "sqli": "SQL injection",
    "trustbound": "Trust boundary", "weakrand": "Weak randomness", "xpathi": "XPath injection",
    "xss": "Cross-site scripting",
}


def audit(binary, checkout):
    with tempfile.TemporaryDirectory() as scratch:
        sarif = os.path.join(scratch, "benchmark.sarif")
        database = os.path.join(scratch, "benchmark.sqlite")
        # The audit's exit code says whether findings crossed --fail-on; only its report matters.
        subprocess.run([binary, "audit", checkout, "--db", database, "--format", "sarif", "--output", sarif],
                       stdout=subprocess.DEVNULL, check=False)
        with open(sarif, encoding="utf-8") as handle:
            return json.load(handle)


def flagged_cases(log):
    """Maps a test case name to the CWE numbers of the rules reporting in its file."""
    flagged = {}
    for run in log.get("runs", []):
        cwes_of_rule = {}
        for rule in run["tool"]["driver"].get("rules", []):
            tags = rule.get("properties", {}).get("tags", [])
            cwes_of_rule[rule["id"]] = {int(tag.rsplit("-", 1)[1]) for tag in tags if tag.startswith("external/cwe/cwe-")}
        for result in run.get("results", []):
            for location in result.get("locations", []):
                uri = location["physicalLocation"]["artifactLocation"]["uri"]
                match = re.search(r"(BenchmarkTest\d+)\.java$", uri)
                if match:
                    flagged.setdefault(match.group(1), set()).update(cwes_of_rule.get(result["ruleId"], set()))
    return flagged


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout")
    parser.add_argument("--bin", default=os.environ.get("BACKCHECK_BIN", ".build/release/backcheck"))
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--misses", metavar="CATEGORY", help="list the category's missed and falsely flagged cases")
    arguments = parser.parse_args()
    truth_path = os.path.join(arguments.checkout, "expectedresults-1.2.csv")
    if not os.path.exists(truth_path):
        sys.exit(f"owasp-benchmark: {truth_path} not found: CHECKOUT must be a BenchmarkJava checkout")
    truth = []
    with open(truth_path, encoding="utf-8") as handle:
        for row in csv.reader(handle):
            if not row or row[0].startswith("#"):
                continue
            truth.append((row[0], row[1], row[2].strip() == "true", int(row[3])))
    flagged = flagged_cases(audit(arguments.bin, arguments.checkout))
    tally = {}
    for name, category, real, cwe in truth:
        counts = tally.setdefault(category, {"tp": 0, "fn": 0, "fp": 0, "tn": 0, "cwe": cwe, "missed": [], "false": []})
        hit = cwe in flagged.get(name, set())
        if real:
            counts["tp" if hit else "fn"] += 1
            if not hit:
                counts["missed"].append(name)
        else:
            counts["fp" if hit else "tn"] += 1
            if hit:
                counts["false"].append(name)
    rows = []
    for category in sorted(tally):
        counts = tally[category]
        tpr = counts["tp"] / max(1, counts["tp"] + counts["fn"])
        fpr = counts["fp"] / max(1, counts["fp"] + counts["tn"])
        rows.append((category, counts["cwe"], counts["tp"], counts["fn"], counts["fp"], counts["tn"], tpr, fpr, tpr - fpr))
    mean = lambda index: sum(row[index] for row in rows) / len(rows)
    if arguments.markdown:
        print("| category | CWE | TP | FN | FP | TN | TPR | FPR | score |")
        print("|---|---|---|---|---|---|---|---|---|")
        for row in rows:
            print(f"| {row[0]} ({CATEGORY_NAMES.get(row[0], row[0])}) | {row[1]} | {row[2]} | {row[3]} | {row[4]} | {row[5]} | {row[6]:.2f} | {row[7]:.2f} | {row[8]:.2f} |")
        print(f"| **mean** | | | | | | {mean(6):.2f} | {mean(7):.2f} | **{mean(8):.2f}** |")
    else:
        print(f"{'category':<14}{'CWE':>5}{'TP':>6}{'FN':>6}{'FP':>6}{'TN':>6}{'TPR':>7}{'FPR':>7}{'score':>7}")
        for row in rows:
            print(f"{row[0]:<14}{row[1]:>5}{row[2]:>6}{row[3]:>6}{row[4]:>6}{row[5]:>6}{row[6]:>7.2f}{row[7]:>7.2f}{row[8]:>7.2f}")
        print(f"{'mean':<14}{'':>5}{'':>6}{'':>6}{'':>6}{'':>6}{mean(6):>7.2f}{mean(7):>7.2f}{mean(8):>7.2f}")
    if arguments.misses:
        counts = tally.get(arguments.misses)
        if counts is None:
            sys.exit(f"owasp-benchmark: no category {arguments.misses!r}")
        print(f"\nmissed ({len(counts['missed'])}): " + " ".join(counts["missed"]))
        print(f"falsely flagged ({len(counts['false'])}): " + " ".join(counts["false"]))


if __name__ == "__main__":
    main()
