#!/usr/bin/env python3
"""The real-repository precision benchmark (issue 11, item 3). Python 3 standard library only.

    scripts/precision.sh [--dir DIR] [--bin BACKCHECK] [--repo OWNER+NAME ...] [--per-rule N]
    scripts/precision.sh --report [--markdown]

Checkouts live in DIR (default $BACKCHECK_PRECISION_DIR, else /tmp/backcheck-precision), one per
repository of Tests/Precision/repos.tsv, as DIR/<owner>+<name>/ with the pinned commit written in
DIR/<owner>+<name>.commit (a git work tree at that HEAD is accepted too). A missing checkout is
extracted from the bare mirror $BACKCHECK_MIRROR_DIR/<owner>+<name>/repo (default /work/.mirror)
with `git archive <commit>`.

Each checkout is audited into a fresh database; the findings (suppressed ones left out) are
counted per rule into Tests/Precision/populations.tsv and up to N (default 8) per rule per
repository are sampled into the triage sheet Tests/Precision/<owner>+<name>.tsv:

    repository commit path line rule severity verdict reason state

verdict is TP, FP or noise (empty until judged); state is `found` when the last run reported the
finding and `gone` when a judged row is no longer reported (kept: a gone TP is a regression, a
gone FP a fixed false positive). A verdict is carried over for the same (repository, commit,
path, rule, line). Judged rows still found are kept in the sample first, then the sample is filled
with a fixed seed from the rest, so rerunning after rule changes judges only what is new.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHEETS = ROOT / "Tests" / "Precision"
COLUMNS = ["repository", "commit", "path", "line", "rule", "severity", "verdict", "reason", "state"]
VERDICTS = ("TP", "FP", "noise")
SEED = "backcheck-precision-1"


def repos():
    rows = []
    for line in (SHEETS / "repos.tsv").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, commit, language, *rest = line.split("\t")
        rows.append({"name": name, "commit": commit, "language": language, "about": " ".join(rest)})
    return rows


def read_sheet(path):
    """Rows of a tab-separated sheet with a header line (no quoting: cells never hold tabs or newlines)."""
    if not path.exists():
        return []
    lines = path.read_text().splitlines()
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]


def write_sheet(path, rows):
    def cell(value):
        return " ".join((value or "").replace("\t", " ").split("\n")).strip()
    with path.open("w") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(cell(r.get(k)) for k in COLUMNS) + "\n")


def key(r):
    return (r["repository"], r["commit"], r["path"], r["rule"], str(r["line"]))


def checkout_commit(directory):
    marker = directory.with_name(directory.name + ".commit")
    if marker.exists():
        return marker.read_text().strip()
    if (directory / ".git").exists():
        out = subprocess.run(["git", "-C", str(directory), "rev-parse", "HEAD"], capture_output=True, text=True)
        return out.stdout.strip() if out.returncode == 0 else None
    return None


def ensure_checkout(repo, base, mirrors):
    directory = base / repo["name"]
    if directory.exists():
        have = checkout_commit(directory)
        if have != repo["commit"]:
            print(f"precision: {directory} is at {have or 'an unknown commit'}, not {repo['commit']}; skipped",
                  file=sys.stderr)
            return None
        return directory
    mirror = mirrors / repo["name"] / "repo"
    if not mirror.exists():
        print(f"precision: no checkout {directory} and no mirror {mirror}; skipped", file=sys.stderr)
        return None
    print(f"precision: extracting {repo['name']} at {repo['commit'][:12]} from {mirror}", file=sys.stderr)
    partial = base / (repo["name"] + ".partial")
    subprocess.run(["rm", "-rf", str(partial)], check=True)
    partial.mkdir(parents=True)
    missing = extract(mirror, repo["commit"], partial)
    if missing:
        print(f"precision: {len(missing)} blobs absent from the mirror (its largest files), not extracted: "
              + ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else ""), file=sys.stderr)
    partial.rename(directory)
    directory.with_name(directory.name + ".commit").write_text(repo["commit"] + "\n")
    return directory


def extract(mirror, commit, target):
    """Writes the commit's regular files under target, as `git archive` would; blobs the mirror lacks
    are left out and returned, symlinks and submodules are not written."""
    listing = subprocess.run(["git", "--git-dir", str(mirror), "ls-tree", "-r", "-z", commit],
                             capture_output=True, check=True).stdout
    entries = []
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, path = item.split(b"\t", 1)
        mode, kind, sha = meta.split()
        if kind == b"blob" and mode in (b"100644", b"100755"):
            entries.append((sha, path.decode("utf-8", "surrogateescape"), mode))
    batch = subprocess.Popen(["git", "--git-dir", str(mirror), "cat-file", "--batch"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    missing = []
    for sha, path, mode in entries:
        batch.stdin.write(sha + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            missing.append(path)
            continue
        data = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)
        destination = target / path
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
        if mode == b"100755":
            destination.chmod(0o755)
    batch.stdin.close()
    batch.wait()
    return missing


def audit(binary, directory, out_dir, name):
    db = out_dir / f"prec-{name}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    report = out_dir / f"prec-{name}.json"
    proc = subprocess.run([binary, "audit", str(directory), "--db", str(db), "--format", "json",
                           "--output", str(report), "--fail-on", "none"], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"precision: audit of {directory} exited {proc.returncode}: {proc.stderr[-2000:]}")
    document = json.loads(report.read_text())
    findings = [f for f in document["findings"] if f.get("status") != "suppressed"]
    return findings, document.get("summary", {})


def sample(repo, findings, old_rows, per_rule):
    old = {key(r): r for r in old_rows}
    by_rule = defaultdict(list)
    for f in findings:
        by_rule[f["ruleId"]].append(f)
    rows, found_keys = [], set()
    for rule in sorted(by_rule):
        items = sorted(by_rule[rule], key=lambda f: (f["path"], f["line"], f["column"], f["fingerprint"]))
        unique = {}
        for f in items:
            unique.setdefault((f["path"], str(f["line"])), f)
        items = list(unique.values())
        def row(f):
            return {"repository": repo["name"], "commit": repo["commit"], "path": f["path"], "line": str(f["line"]),
                    "rule": rule, "severity": f["severity"], "verdict": "", "reason": "", "state": "found"}
        candidates = [row(f) for f in items]
        judged = [c for c in candidates if key(c) in old and old[key(c)].get("verdict") in VERDICTS]
        rest = [c for c in candidates if c not in judged]
        random.Random(f"{SEED}:{repo['name']}:{rule}").shuffle(rest)
        chosen = (judged + rest)[:max(per_rule, 0)] if len(judged) < per_rule else judged
        for c in chosen:
            if key(c) in old:
                c["verdict"] = old[key(c)].get("verdict", "")
                c["reason"] = old[key(c)].get("reason", "")
            found_keys.add(key(c))
        rows.extend(chosen)
    all_found = {(repo["name"], repo["commit"], f["path"], f["ruleId"], str(f["line"])) for f in findings}
    for r in old_rows:
        if r.get("verdict") in VERDICTS and key(r) not in found_keys:
            r = dict(r)
            r["state"] = "found" if key(r) in all_found else "gone"
            rows.append(r)
    rows.sort(key=lambda r: (r["rule"], r["state"] != "found", r["path"], int(r["line"])))
    return rows


def run(args):
    base = Path(args.dir)
    base.mkdir(parents=True, exist_ok=True)
    binary = args.bin
    if not binary or not os.access(binary, os.X_OK):
        raise SystemExit(f"precision: no backcheck binary at {binary!r} (set --bin or BACKCHECK_BIN)")
    out_dir = Path(args.work)
    out_dir.mkdir(parents=True, exist_ok=True)
    pop_file = SHEETS / "populations.tsv"
    for repo in repos():
        if args.repo and repo["name"] not in args.repo:
            continue
        directory = ensure_checkout(repo, base, Path(args.mirrors))
        if directory is None:
            continue
        print(f"precision: auditing {repo['name']}", file=sys.stderr)
        findings, summary = audit(binary, directory, out_dir, repo["name"])
        sheet = SHEETS / f"{repo['name']}.tsv"
        rows = sample(repo, findings, read_sheet(sheet), args.per_rule)
        write_sheet(sheet, rows)
        # Re-read before writing, so runs of different repositories do not undo each other.
        populations = {(r["repository"], r["rule"]): r for r in read_sheet_plain(pop_file)
                       if r["repository"] != repo["name"]}
        counts = defaultdict(int)
        for f in findings:
            counts[f["ruleId"]] += 1
        for rule, n in counts.items():
            populations[(repo["name"], rule)] = {"repository": repo["name"], "commit": repo["commit"], "rule": rule,
                                                 "findings": str(n)}
        write_populations(pop_file, populations)
        todo = sum(1 for r in rows if r["state"] == "found" and r["verdict"] not in VERDICTS)
        print(f"precision: {repo['name']}: {len(findings)} findings, {summary.get('filesAnalyzed', '?')} files, "
              f"{sum(1 for r in rows if r['state'] == 'found')} sampled, {todo} to judge -> {sheet.relative_to(ROOT)}",
              file=sys.stderr)


def write_populations(pop_file, populations):
    with pop_file.open("w") as f:
        f.write("repository\tcommit\trule\tfindings\n")
        for k in sorted(populations):
            p = populations[k]
            f.write(f"{p['repository']}\t{p['commit']}\t{p['rule']}\t{p['findings']}\n")


read_sheet_plain = read_sheet


def report(args):
    populations = defaultdict(int)
    for p in read_sheet_plain(SHEETS / "populations.tsv"):
        populations[(p["repository"], p["rule"])] = int(p["findings"])
    tally = lambda: {"TP": 0, "FP": 0, "noise": 0, "open": 0}
    per_repo, per_rule, per_pair = defaultdict(tally), defaultdict(tally), defaultdict(tally)
    gone = defaultdict(int)
    for repo in repos():
        for r in read_sheet(SHEETS / f"{repo['name']}.tsv"):
            if r["state"] == "gone":
                gone[r["verdict"]] += 1
                continue
            if r["state"] != "found":
                continue
            v = r["verdict"] if r["verdict"] in VERDICTS else "open"
            for t in (per_repo[r["repository"]], per_rule[r["rule"]], per_pair[(r["repository"], r["rule"])]):
                t[v] += 1

    def precision(t):
        n = t["TP"] + t["FP"] + t["noise"]
        return (t["TP"] / n if n else float("nan")), n

    def fmt(p):
        return "-" if p != p else f"{p:.2f}"

    def weighted(pairs):
        # Each rule's sample stands for all of that rule's findings in that repository.
        total = est = 0.0
        for pair, t in pairs:
            p, n = precision(t)
            if n == 0:
                continue
            w = populations.get(pair, n)
            total += w
            est += w * p
        return (est / total if total else float("nan")), int(total)

    md = args.markdown
    def line(cells):
        print(("| " + " | ".join(cells) + " |") if md else "  ".join(cells))

    line(["repository", "judged", "TP", "FP", "noise", "precision (sample)", "precision (weighted)", "findings"])
    if md:
        line(["---"] * 8)
    all_t = tally()
    for name in sorted(r["name"] for r in repos()):
        t = per_repo[name]
        for k in all_t:
            all_t[k] += t[k]
        p, n = precision(t)
        w, total = weighted([(k, v) for k, v in per_pair.items() if k[0] == name])
        line([name, str(n), str(t["TP"]), str(t["FP"]), str(t["noise"]), fmt(p), fmt(w), str(total)])
    p, n = precision(all_t)
    w, total = weighted(list(per_pair.items()))
    line(["all", str(n), str(all_t["TP"]), str(all_t["FP"]), str(all_t["noise"]), fmt(p), fmt(w), str(total)])
    print()
    line(["rule", "judged", "TP", "FP", "noise", "precision", "repositories", "findings"])
    if md:
        line(["---"] * 8)
    for rule in sorted(per_rule, key=lambda r: (precision(per_rule[r])[0], r)):
        t = per_rule[rule]
        p, n = precision(t)
        repos_with = sorted({k[0].split("+")[1] for k in per_pair if k[1] == rule})
        total = sum(v for k, v in populations.items() if k[1] == rule)
        line([rule, str(n), str(t["TP"]), str(t["FP"]), str(t["noise"]), fmt(p), ",".join(repos_with), str(total)])
    open_rows = all_t["open"]
    print()
    print(f"{open_rows} sampled findings not judged yet" if open_rows else "every sampled finding is judged")
    if gone:
        print("judged rows no longer reported: " + ", ".join(f"{v} {k}" for k, v in sorted(gone.items())))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", action="store_true", help="print precision from the judged sheets")
    parser.add_argument("--markdown", action="store_true", help="with --report, print markdown tables")
    parser.add_argument("--dir", default=os.environ.get("BACKCHECK_PRECISION_DIR", "/tmp/backcheck-precision"))
    parser.add_argument("--mirrors", default=os.environ.get("BACKCHECK_MIRROR_DIR", "/work/.mirror"))
    parser.add_argument("--bin", default=os.environ.get("BACKCHECK_BIN", str(ROOT / ".build/release/backcheck")))
    parser.add_argument("--work", default=os.environ.get("BACKCHECK_PRECISION_WORK", tempfile.gettempdir()),
                        help="where the audit databases and JSON reports go (prec-<repo>.sqlite/.json)")
    parser.add_argument("--repo", action="append", help="only this repository (repeatable)")
    parser.add_argument("--per-rule", type=int, default=8)
    args = parser.parse_args()
    report(args) if args.report else run(args)


if __name__ == "__main__":
    main()
