#!/usr/bin/env python3
"""Benchmarks the daemon (`backcheck watch`) against its targets in docs/DESIGN.md §12.

    scripts/daemon-bench.py [--bin PATH] [--settle MS] [--saves N] [--atomic]
                            [--idle-seconds S] [--files N] [--skip-large]

Builds the release binary (`swift build -c release`, scratch path $BENCH_SCRATCH, default
<repo>/.build-release) unless --bin names one, then works in a fresh run directory under
$BENCH_DIR (default /tmp/backcheck-daemon-bench), where the generated trees are also cached.

1. Save-to-database latency: a daemon (--settle-ms MS, default 50) on a repository holding one
   generated ~2,000-line app/service.py. N saves (default 200) alternate between a version with a
   weak password hash at line ~1,000 and the fixed version, written in place like an editor does
   (--atomic: temp file + rename); each is timed from close() until the database shows the finding
   opened or fixed. Baseline: a one-shot `backcheck audit` of the same repository (best of 3).
2. Idle CPU of that same daemon over S seconds (default 60), from /proc/PID/stat.
3. Unless --skip-large: trees of N files (default 100,000) and N/10 files in ~2,000 directories.
   Cold start, idle RSS and peak RSS, then warm restarts on the unchanged tree with the same
   database. Baselines: `find` stat-ing every file, and the RSS of a daemon on an empty repository.

Ends with a summary table (metric, value, baseline, target, verdict). Exits non-zero when a daemon
dies, does not stop cleanly, or a save is not visible within 10 s; a missed target is reported only.
"""
import argparse
import math
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
READY = re.compile(r"watching .*: (\d+) files reconciled in (\d+) ms\s*$")
BATCH = re.compile(r": (\d+) recorded \((\d+) unchanged\), \d+ removed in (\d+) ms\s*$")
# What the daemon logs in normal operation; any other stderr line is worth the reader's attention.
ROUTINE = re.compile(r"^backcheck: (watching .* files reconciled in \d+ ms"
                     r"|.*: \d+ recorded \(\d+ unchanged\), \d+ removed in \d+ ms"
                     r"|.*: SQL facts of every file loaded in \d+ ms|stopping)$")
VISIBLE_TIMEOUT = 10.0
IDLE_SETTLE = 3.0  # after a start: RSS is read once the start's transient work is over
MB = 1_000_000
TREE_VERSION = 1   # bump when the tree generator changes, so cached trees are regenerated

LATENCY_TARGET_MS = 50
IDLE_CPU_TARGET = 1.0  # percent of one core that still counts as "~0%"
RSS_TARGET = 100 * MB
WARM_TARGET_S = 1.0


class BenchError(Exception):
    """Ends the run with its message and exit status 1."""


# ---------------------------------------------------------------------------------------------
# The daemon under test


class Daemon:
    """One `backcheck watch` process.

    stderr is drained by a thread from the start: the daemon logs every batch, and a full pipe
    would stall it and show up as latency. The lines are kept for failure reports and for the
    check for unexpected output.
    """

    live = set()  # killed on any exit, including Ctrl-C
    odd_lines = []  # (label, line) of stderr lines outside the routine log, from every stopped daemon

    def __init__(self, binary, root, db, settle_ms, label):
        self.label = label
        self.lines = []  # (perf_counter, line)
        self.ready = threading.Event()
        self.ready_at = self.reported_ms = self.files = None
        self.started = time.perf_counter()
        # A session of its own: Ctrl-C reaches only the script, whose cleanup stops the daemon.
        self.proc = subprocess.Popen([binary, "watch", root, "--db", db, "--settle-ms", str(settle_ms)],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, start_new_session=True)
        Daemon.live.add(self)
        self.reader = threading.Thread(target=self._drain, daemon=True)
        self.reader.start()

    def _drain(self):
        for raw in self.proc.stderr:
            now = time.perf_counter()
            line = raw.decode(errors="replace").rstrip("\n")
            self.lines.append((now, line))
            match = READY.search(line)
            if match and not self.ready.is_set():
                self.files, self.reported_ms, self.ready_at = int(match[1]), int(match[2]), now
                self.ready.set()

    def wait_ready(self, timeout):
        """Seconds from spawning the process to its "files reconciled" line."""
        deadline = time.perf_counter() + timeout
        while not self.ready.wait(0.05):
            if self.proc.poll() is not None:
                self.fail(f"exited with status {self.proc.returncode} before reconciling")
            if time.perf_counter() > deadline:
                self.fail(f"had not reconciled after {timeout:.0f} s")
        return self.ready_at - self.started

    def check_alive(self):
        if self.proc.poll() is not None:
            self.fail(f"died with status {self.proc.returncode}")

    def fail(self, what):
        self.reader.join(1)
        tail = "\n".join("    " + line for _, line in self.lines[-20:]) or "    (nothing)"
        raise BenchError(f"daemon ({self.label}) {what}; its stderr ends with:\n{tail}")

    def stop(self):
        """SIGTERM, as systemd stops it; a clean stop exits 0."""
        self.check_alive()
        self.proc.send_signal(signal.SIGTERM)
        try:
            status = self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            Daemon.live.discard(self)
            self.fail("did not stop within 30 s of SIGTERM")
        Daemon.live.discard(self)
        self.reader.join(5)
        Daemon.odd_lines += [(self.label, line) for line in self.unexpected()]
        if status != 0:
            self.fail(f"exited with status {status} on SIGTERM")

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            # The command name can contain spaces and parentheses: split after its closing one.
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    def memory(self):
        """(VmRSS, VmHWM) in bytes."""
        values = {}
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0]) * 1024
        return values["VmRSS"], values["VmHWM"]

    def batch_ms(self, since):
        """The daemon's own analyse-and-store times of the batches it logged after `since`."""
        return [int(m[3]) for t, line in self.lines if t >= since and (m := BATCH.search(line))]

    def unexpected(self):
        return [line for _, line in self.lines if not ROUTINE.match(line)]


def stop_all_daemons():
    for daemon in list(Daemon.live):
        if daemon.proc.poll() is None:
            daemon.proc.send_signal(signal.SIGTERM)
            try:
                daemon.proc.wait(5)
            except subprocess.TimeoutExpired:
                daemon.proc.kill()
                daemon.proc.wait()
        Daemon.live.discard(daemon)


# ---------------------------------------------------------------------------------------------
# Generated inputs

BAD_IMPORT, GOOD_IMPORT = "import hashlib", "import bcrypt"
BAD_HASH = '    return hashlib.md5(password.encode("utf-8")).hexdigest()'
GOOD_HASH = '    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt())'
# Words that no rule treats as sensitive (no user, token, email, password...), so the generated
# code holds no finding besides the planted one.
WORDS = ("order item cart price stock shipment invoice product coupon ledger report queue job "
         "batch warehouse parcel route carrier rate discount bundle region").split()


def service_versions(rng, lines=2000):
    """The bad and good texts of a ~`lines`-line Python module and the line of the planted hash.

    The two differ in one import and one line only, so line numbers (and the finding's
    fingerprint) stay put across saves, as when a developer edits one line back and forth.
    """
    def snake(k=2):
        return "_".join(rng.choice(WORDS) for _ in range(k))

    def camel():
        return "".join(rng.choice(WORDS).capitalize() for _ in range(2))

    def chunk():
        kind = rng.randrange(4)
        if kind == 0:
            cls, a, b = camel(), snake(1), snake(1)
            return f'''

class {cls}:
    """Keeps the {a} figures of one {b} and derives totals from them."""

    def __init__(self, {a}_count, {b}_rate=1.0):
        self.{a}_count = {a}_count
        self.{b}_rate = {b}_rate
        self._cache = {{}}

    @property
    def total(self):
        # Rounded once here so every report shows the same figure.
        return round(self.{a}_count * self.{b}_rate, 2)

    def scaled(self, factor):
        """Return a copy scaled by `factor`."""
        return {cls}(self.{a}_count * factor, self.{b}_rate)

    def describe(self):
        return f"{cls}({{self.{a}_count}} x {{self.{b}_rate:.2f}})"
'''.splitlines()
        if kind == 1:
            fn, a, b = snake(), snake(1), snake(1)
            return f'''

def {fn}({a}_rows, {b}_limit=10):
    """Group {a} rows by region and keep the {b}_limit largest of each."""
    grouped = {{}}
    for row in {a}_rows:
        grouped.setdefault(row["region"], []).append(row)
    result = {{}}
    for region, rows in grouped.items():
        rows.sort(key=lambda row: row["amount"], reverse=True)
        result[region] = [row["amount"] * 1.15 for row in rows[:{b}_limit]]
    return result
'''.splitlines()
        if kind == 2:
            name = snake().upper()
            entries = "\n".join(f'    "{snake()}": ({rng.randrange(1, 500)}, "{snake(3)}"),' for _ in range(8))
            return f'''

# Static {snake(1)} table: code -> (weight, label). Edited by hand, keep it sorted by code.
{name}_TABLE = {{
{entries}
}}
'''.splitlines()
        dc, a, b = camel(), snake(1), snake(1)
        return f'''

@dataclass(frozen=True)
class {dc}Entry:
    """One {a} line as the {b} report shows it."""

    code: str
    quantity: int = 0
    note: Optional[str] = None

    def label(self) -> str:
        suffix = f" ({{self.note}})" if self.note else ""
        return f"{{self.code}} x{{self.quantity}}{{suffix}}"
'''.splitlines()

    head = ['"""Order fulfilment service: totals, grouping and report helpers."""',
            "from dataclasses import dataclass",
            "from typing import Optional",
            BAD_IMPORT]
    body = list(head)
    while len(body) < lines // 2 - 5:
        body += chunk()
    body += ["", "", "def digest(password):", '    """Hash a password before it is stored."""']
    planted = len(body) + 1
    body.append(BAD_HASH)
    while len(body) < lines - 10:
        body += chunk()
    bad = "\n".join(body) + "\n"
    good = bad.replace(BAD_IMPORT + "\n", GOOD_IMPORT + "\n", 1).replace(BAD_HASH + "\n", GOOD_HASH + "\n", 1)
    return bad, good, planted, len(body)


# Small files of a few lines per language; {i} keeps names unique so contents differ.
TEMPLATES = {
    "py": 'from decimal import Decimal\n\n\ndef total_{i}(rows):\n    """Sum of the row amounts."""\n'
          '    return sum((Decimal(r["amount"]) for r in rows), Decimal(0))\n',
    "js": "'use strict';\n\nfunction total{i}(rows) {{\n  return rows.reduce((sum, r) => sum + r.amount, 0);\n}}\n\n"
          "module.exports = {{ total{i} }};\n",
    "ts": "export interface Row{i} {{\n  amount: number;\n  region: string;\n}}\n\n"
          "export const total{i} = (rows: Row{i}[]): number => rows.reduce((s, r) => s + r.amount, 0);\n",
    "go": "package ledger\n\n// Total{i} sums the amounts.\nfunc Total{i}(amounts []int64) int64 {{\n\tvar sum int64\n"
          "\tfor _, a := range amounts {{\n\t\tsum += a\n\t}}\n\treturn sum\n}}\n",
    "java": "package com.shop.ledger;\n\npublic final class Total{i} {{\n    public static long of(long[] amounts) {{\n"
            "        long sum = 0;\n        for (long a : amounts) sum += a;\n        return sum;\n    }}\n}}\n",
    "rb": "# Sums the amounts.\nmodule Total{i}\n  def self.of(rows)\n    rows.sum {{ |r| r[:amount] }}\n  end\nend\n",
    "php": "<?php\n\nnamespace App\\Ledger;\n\nfunction total{i}(array $rows): int\n{{\n"
           "    return array_sum(array_column($rows, 'amount'));\n}}\n",
    "sql": "CREATE TABLE ledger_{i} (\n    id BIGINT PRIMARY KEY,\n    amount BIGINT NOT NULL\n);\n",
    "md": "# Ledger {i}\n\nNotes on the ledger totals; see the service for the rules.\n",
    "json": '{{"name": "ledger-{i}", "version": "1.0.{i}", "private": true}}\n',
}
# The planted problems (weak password hashes) for the small fraction of files with findings.
PROBLEMS = {
    "py": 'import hashlib\n\n\ndef legacy_{i}(password):\n'
          '    return hashlib.md5(password.encode("utf-8")).hexdigest()\n',
    "js": "const crypto = require('crypto');\n\nfunction legacy{i}(password) {{\n"
          "  return crypto.createHash('md5').update(password).digest('hex');\n}}\n",
    "go": 'package ledger\n\nimport "crypto/md5"\n\nfunc Legacy{i}(password string) [16]byte {{\n'
          "\treturn md5.Sum([]byte(password))\n}}\n",
}
# Roughly a backend monorepo's mix.
MIX = [("py", 20), ("js", 14), ("ts", 14), ("go", 12), ("java", 12), ("rb", 8), ("php", 8), ("sql", 2),
       ("md", 5), ("json", 5)]


def tree_directories():
    """2,028 directories up to 3 deep: 12 top-level, 12 in each of those, 13 in each of those."""
    tops = ["api", "billing", "catalog", "checkout", "inventory", "jobs", "ledger", "notify", "orders", "reports",
            "search", "shipping"]
    subs = ["handlers", "models", "services", "util", "v1", "v2", "internal", "adapters", "events", "tasks",
            "schemas", "fixtures"]
    leaves = [f"part{k:02d}" for k in range(13)]
    middle = [f"{t}/{s}" for t in tops for s in subs]
    return tops + middle + [f"{d}/{leaf}" for d in middle for leaf in leaves]


def ensure_tree(bench_dir, count):
    """A tree of `count` files, generated once and cached (renamed into place only when whole)."""
    tree = os.path.join(bench_dir, f"tree-v{TREE_VERSION}-{count}")
    if os.path.isdir(tree):
        return tree
    partial = tree + ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    rng = random.Random(count)
    dirs = tree_directories()
    for d in dirs:
        os.makedirs(os.path.join(partial, d))
    exts = [ext for ext, weight in MIX for _ in range(weight)]
    started = time.perf_counter()
    for i in range(count):
        ext = rng.choice(exts)
        text = TEMPLATES[ext].format(i=i)
        if ext in PROBLEMS and rng.random() < 0.02:
            text += "\n" + PROBLEMS[ext].format(i=i)
        with open(os.path.join(partial, dirs[i % len(dirs)], f"mod_{i}.{ext}"), "w") as f:
            f.write(text)
    os.rename(partial, tree)
    print(f"  generated {count:,} files in {len(dirs):,} directories in {time.perf_counter() - started:.1f} s")
    return tree


# ---------------------------------------------------------------------------------------------
# Helpers


def percentile(sorted_values, p):
    """Nearest-rank percentile: the smallest value with at least p% of the samples at or below it."""
    return sorted_values[max(0, math.ceil(p / 100 * len(sorted_values)) - 1)]


def save(path, text, atomic):
    """Writes like an editor saving; returns the moment the save is complete."""
    if atomic:
        directory, name = os.path.split(path)
        fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.replace(temp, path)
    else:
        with open(path, "w") as f:
            f.write(text)
    return time.perf_counter()


def timed(argv):
    """Wall seconds of one whole process, which must succeed."""
    started = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise BenchError(f"{' '.join(argv)} exited {result.returncode}: {result.stderr.decode()[-2000:]}")
    return elapsed


def db_path(run_dir, name):
    return os.path.join(run_dir, f"{name}.sqlite")


def build_binary():
    scratch = os.path.join(REPO, os.environ.get("BENCH_SCRATCH", ".build-release"))
    base = ["swift", "build", "-c", "release", "--package-path", REPO, "--scratch-path", scratch]
    print(f"building the release binary ({scratch}) ...", flush=True)
    result = subprocess.run(base + ["--product", "backcheck"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        raise BenchError("swift build failed:\n" + result.stdout.decode()[-4000:])
    bin_dir = subprocess.run(base + ["--show-bin-path"], capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(bin_dir, "backcheck")


def check_binary(binary):
    if not os.access(binary, os.X_OK):
        raise BenchError(f"{binary} is not an executable")
    result = subprocess.run([binary, "watch", "--help"], capture_output=True, text=True)
    if "--settle-ms" not in result.stdout + result.stderr:
        # An unknown subcommand makes the CLI print the top-level help instead.
        raise BenchError(f"{binary} has no `watch` subcommand (built before the daemon existed?)")


def fmt_ms(seconds):
    return f"{seconds * 1000:.1f} ms"


# ---------------------------------------------------------------------------------------------
# Phases


def latency_phase(args, binary, run_dir):
    """Returns the results and the still-running daemon, which the idle phase reuses."""
    print(f"== save-to-database latency: {args.saves} saves ({'atomic' if args.atomic else 'in place'}),"
          f" settle {args.settle} ms")
    repo = os.path.join(run_dir, "latency-repo")
    os.makedirs(os.path.join(repo, "app"))
    bad, good, planted, line_count = service_versions(random.Random(2000))
    path = os.path.join(repo, "app", "service.py")
    save(path, good, False)
    print(f"  app/service.py: {line_count} lines, weak hash planted at line {planted}")

    # Each into a new database, like the daemon's first look at the file; with --fail-on none the
    # exit status says only whether the audit worked.
    audit = [binary, "audit", repo, "--format", "json", "--fail-on", "none"]
    audit_s = min(timed(audit + ["--db", db_path(run_dir, f"audit-{k}")]) for k in range(3))
    print(f"  baseline: one-shot audit of the same repository (whole process, best of 3): {fmt_ms(audit_s)}")

    db = db_path(run_dir, "latency")
    daemon = Daemon(binary, repo, db, args.settle, "latency repository")
    daemon.wait_ready(120)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)  # autocommit: one read per query
    row = con.execute("SELECT id FROM roots WHERE path = ?", (os.path.realpath(repo),)).fetchone()
    if row is None:
        raise BenchError(f"the database has no root {os.path.realpath(repo)} after the daemon reconciled")
    root_id = row[0]
    query = ("SELECT count(*) FROM findings WHERE root_id = ? AND path = 'app/service.py'"
             " AND rule_id LIKE '%weak-password-hash%' AND status IN ('open', 'reopened')")

    latencies = []
    started = time.perf_counter()
    for i in range(args.saves):
        want_open = i % 2 == 0
        t0 = save(path, bad if want_open else good, args.atomic)
        while (con.execute(query, (root_id,)).fetchone()[0] > 0) != want_open:
            daemon.check_alive()  # a waitpid(WNOHANG): cheap enough to do on every poll
            if time.perf_counter() - t0 > VISIBLE_TIMEOUT:
                daemon.fail(f"did not show save {i + 1} ({'finding opened' if want_open else 'finding fixed'})"
                            f" in the database within {VISIBLE_TIMEOUT:.0f} s")
            time.sleep(0.0005)
        latencies.append(time.perf_counter() - t0)
        if i == 0:
            # Outside the timing: the generated module should hold the planted finding only.
            others = con.execute("SELECT rule_id, line FROM findings WHERE root_id = ? AND status IN"
                                 " ('open', 'reopened') AND NOT (rule_id LIKE '%weak-password-hash%'"
                                 " AND line = ?)", (root_id, planted)).fetchall()
            if others:
                print(f"  warning: the generated file has other findings too: {others[:5]}")
        # Lets the batch finish and the next save start a new one instead of joining this one.
        time.sleep((args.settle + 30) / 1000)
    con.close()

    lat = sorted(latencies)
    settle = args.settle / 1000
    batches = daemon.batch_ms(started)
    stats = {p: percentile(lat, p) for p in (50, 90, 99, 100)}
    print(f"  latency (ms)      p50 {stats[50]*1000:7.1f}  p90 {stats[90]*1000:7.1f}  p99 {stats[99]*1000:7.1f}"
          f"  max {stats[100]*1000:7.1f}")
    print(f"  beyond settle     p50 {(stats[50]-settle)*1000:7.1f}  p90 {(stats[90]-settle)*1000:7.1f}"
          f"  p99 {(stats[99]-settle)*1000:7.1f}  max {(stats[100]-settle)*1000:7.1f}"
          f"   (target p99 < {LATENCY_TARGET_MS} ms)")
    if batches:
        b = sorted(batches)
        print(f"  the daemon logged {len(b)} batches for {args.saves} saves; its own analyse+store time"
              f" p50 {percentile(b, 50)} ms, p99 {percentile(b, 99)} ms, max {b[-1]} ms")
    return {"stats": stats, "audit_s": audit_s}, daemon


def idle_phase(args, daemon):
    print(f"== idle: the same daemon, {args.idle_seconds} s without changes")
    before_lines = len(daemon.lines)
    cpu0, t0 = daemon.cpu_seconds(), time.perf_counter()
    time.sleep(args.idle_seconds)
    cpu1, t1 = daemon.cpu_seconds(), time.perf_counter()
    daemon.check_alive()
    percent = (cpu1 - cpu0) / (t1 - t0) * 100
    rss, hwm = daemon.memory()
    logged = len(daemon.lines) - before_lines
    print(f"  CPU {cpu1 - cpu0:.2f} s over {t1 - t0:.1f} s = {percent:.2f} % of one core"
          f" (resolution {100 / os.sysconf('SC_CLK_TCK') / (t1 - t0):.2f} %); RSS {rss / MB:.1f} MB;"
          f" {logged} lines logged while idle")
    daemon.stop()
    return {"cpu_percent": percent, "seconds": t1 - t0}


def tree_run(binary, tree, run_dir, label, files):
    """Cold start on a fresh database, idle memory, then 3 warm restarts on the same database."""
    timeout = 60 + files / 100
    db = db_path(run_dir, label)
    # -printf of size, mtime and inode makes find stat every file, as a reconcile does.
    walk_s = min(timed(["find", tree, "-type", "f", "-printf", "%s %T@ %i\n"]) for _ in range(3))
    cold = Daemon(binary, tree, db, 50, f"{label}, cold start")
    cold_s = cold.wait_ready(timeout)
    time.sleep(IDLE_SETTLE)
    rss, hwm = cold.memory()
    cold.stop()
    reconciled = cold.files
    print(f"  {label}: {reconciled:,} files reconciled (.md and .json are not analysed); cold start {cold_s:.2f} s"
          f" (daemon says {cold.reported_ms} ms); idle RSS {rss / MB:.1f} MB, peak {hwm / MB:.1f} MB;"
          f" find {walk_s:.2f} s")
    warm = []
    for k in range(3):
        daemon = Daemon(binary, tree, db, 50, f"{label}, warm restart {k + 1}")
        warm.append((daemon.wait_ready(timeout), daemon.reported_ms))
        if k == 0:
            time.sleep(IDLE_SETTLE)
            warm_rss, _ = daemon.memory()
        daemon.stop()
    warm_s = sorted(w for w, _ in warm)[1]
    print(f"  {label}: warm restarts {', '.join(f'{w:.2f} s ({ms} ms)' for w, ms in warm)}; median {warm_s:.2f} s;"
          f" idle RSS after a warm restart {warm_rss / MB:.1f} MB")
    return {"files": files, "cold_s": cold_s, "rss": rss, "hwm": hwm, "warm_rss": warm_rss, "walk_s": walk_s,
            "warm_s": warm_s}


def large_phase(args, binary, run_dir, bench_dir):
    small = max(1, args.files // 10)
    print(f"== large trees: {args.files:,} and {small:,} files")
    dirs = len(tree_directories()) + 1  # one watch each, and one for the root
    with open("/proc/sys/fs/inotify/max_user_watches") as f:
        watches = int(f.read())
    print(f"  fs.inotify.max_user_watches = {watches:,} ({dirs:,} directories per tree"
          f"{'' if watches > 2 * dirs else ' -- too few; the daemon will poll instead of watching'})")

    empty = os.path.join(run_dir, "empty-repo")
    os.makedirs(empty)
    daemon = Daemon(binary, empty, db_path(run_dir, "empty"), 50, "empty repository")
    daemon.wait_ready(60)
    time.sleep(IDLE_SETTLE)
    empty_rss, empty_hwm = daemon.memory()
    daemon.stop()
    print(f"  baseline: a daemon on an empty repository: RSS {empty_rss / MB:.1f} MB, peak {empty_hwm / MB:.1f} MB")

    results = {"empty_rss": empty_rss}
    for key, count in (("large", args.files), ("small", small)):
        tree = ensure_tree(bench_dir, count)
        results[key] = tree_run(binary, tree, run_dir, f"tree-{count}", count)
    return results


# ---------------------------------------------------------------------------------------------
# Summary


def verdict(ok):
    return "PASS" if ok else "MISS"


def summary(args, binary, latency, idle, large):
    rows = []
    if latency:
        s, settle = latency["stats"], args.settle / 1000
        beyond = s[99] - settle
        rows.append((f"save→DB latency, 2,000-line .py, p99 beyond {args.settle} ms settle",
                     f"{beyond * 1000:.1f} ms (p50 {(s[50] - settle) * 1000:.1f}, p90 {(s[90] - settle) * 1000:.1f},"
                     f" max {(s[100] - settle) * 1000:.1f}; raw p99 {s[99] * 1000:.1f})",
                     f"one-shot audit {latency['audit_s'] * 1000:.0f} ms",
                     f"< {LATENCY_TARGET_MS} ms", verdict(beyond * 1000 < LATENCY_TARGET_MS)))
    if idle:
        rows.append((f"daemon idle CPU ({idle['seconds']:.0f} s)", f"{idle['cpu_percent']:.2f} % of a core", "—",
                     f"~0 % (< {IDLE_CPU_TARGET:g} %)", verdict(idle["cpu_percent"] < IDLE_CPU_TARGET)))
    if large:
        big, small = large["large"], large["small"]
        rows.append((f"daemon idle RSS after cold start, {big['files']:,}-file tree",
                     f"{big['rss'] / MB:.1f} MB (peak {big['hwm'] / MB:.1f}; after a warm restart"
                     f" {big['warm_rss'] / MB:.1f})",
                     f"empty repo {large['empty_rss'] / MB:.1f} MB", "< 100 MB", verdict(big["rss"] < RSS_TARGET)))
        for tree in (big, small):
            rows.append((f"cold start, {tree['files']:,}-file tree", f"{tree['cold_s']:.2f} s",
                         f"find {tree['walk_s']:.2f} s", "—", "—"))
        rows.append((f"warm restart, {big['files']:,}-file tree (median of 3)", f"{big['warm_s']:.2f} s",
                     f"find {big['walk_s']:.2f} s", "—", "—"))
        rows.append((f"warm restart, {small['files']:,}-file tree (median of 3)", f"{small['warm_s']:.2f} s",
                     f"find {small['walk_s']:.2f} s", f"< {WARM_TARGET_S:g} s",
                     verdict(small["warm_s"] < WARM_TARGET_S)))
    header = ("metric", "value", "baseline", "target", "verdict")
    widths = [max(len(r[c]) for r in rows + [header]) for c in range(5)]
    print("\n== summary")
    print(f"{binary}{' (DEBUG build)' if '/debug/' in binary else ''}; {os.cpu_count()} cores,"
          f" load average {os.getloadavg()[0]:.2f}; saves {'atomic' if args.atomic else 'in place'}"
          f"{'' if not large else f'; trees in {len(tree_directories()) + 1:,} directories'}")
    for r in [header, tuple("-" * w for w in widths)] + rows:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(r, widths)) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", metavar="PATH", help="backcheck binary to measure (skips the release build)")
    parser.add_argument("--settle", metavar="MS", type=int, default=50,
                        help="--settle-ms for the latency daemon (default 50)")
    parser.add_argument("--saves", metavar="N", type=int, default=200, help="saves in the latency phase (default 200)")
    parser.add_argument("--atomic", action="store_true", help="save via a temp file and rename, not in place")
    parser.add_argument("--idle-seconds", metavar="S", type=float, default=60, help="idle CPU window (default 60)")
    parser.add_argument("--files", metavar="N", type=int, default=100_000,
                        help="files in the large tree (default 100000)")
    parser.add_argument("--skip-large", action="store_true", help="skip the large-tree phase")
    args = parser.parse_args()
    if args.saves < 1 or args.idle_seconds <= 0 or args.files < 10 or args.settle < 0:
        parser.error("--saves must be at least 1, --idle-seconds positive, --files at least 10, --settle >= 0")

    # SIGTERM/SIGHUP become SystemExit so the cleanup below runs as it does for Ctrl-C.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda number, _frame: sys.exit(128 + number))
    bench_dir = os.environ.get("BENCH_DIR", "/tmp/backcheck-daemon-bench")
    os.makedirs(bench_dir, exist_ok=True)
    run_dir = tempfile.mkdtemp(prefix="run-", dir=bench_dir)
    try:
        binary = os.path.abspath(args.bin) if args.bin else build_binary()
        check_binary(binary)
        load = os.getloadavg()
        print(f"binary {binary}{' (a DEBUG build: not representative)' if '/debug/' in binary else ''}")
        print(f"{os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; work dir {run_dir}")
        latency, daemon = latency_phase(args, binary, run_dir)
        idle = idle_phase(args, daemon)
        large = None if args.skip_large else large_phase(args, binary, run_dir, bench_dir)
        if Daemon.odd_lines:
            print(f"\nunexpected daemon stderr ({len(Daemon.odd_lines)} lines), the first ones:")
            for label, line in Daemon.odd_lines[:10]:
                print(f"  [{label}] {line}")
        summary(args, binary, latency, idle, large)
        return 0
    except BenchError as error:
        print(f"\ndaemon-bench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ndaemon-bench: interrupted", file=sys.stderr)
        return 130
    finally:
        stop_all_daemons()
        shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
