/// What the daemon's events asked of one root and it has not done yet. Kept apart from the loop
/// so that "what to do" and "when to do it" read separately.
struct PendingWork {
    /// The work taken out to be done.
    struct Work {
        /// The configuration or rules changed: reload them first.
        var reload = false
        /// Every file is to be analysed again (new rules, and an earlier attempt failed).
        var reanalyse = false
        /// Directories to rescan, none below another ("" for the whole root).
        var subtrees: [String] = []
        /// Files to re-stat, none under `subtrees`.
        var files: Set<String> = []
        /// `--sync` cookies to acknowledge once done.
        var cookies: [String] = []
    }

    /// The configuration or rules changed.
    var reload = false
    /// Every file is to be analysed again.
    var reanalyse = false
    /// Directories to rescan in full ("" for the whole root): a directory created, moved or
    /// deleted, an ignore file changed, a lost watch, an overflow, a git operation.
    private(set) var subtrees: Set<String> = []
    /// Files events named: re-stat'ed and analysed on their own.
    private(set) var files: Set<String> = []
    /// The `--sync` cookies seen: acknowledged once the root's batch is recorded.
    var cookies: [String] = []
    /// Events counted since the last batch, for `status` and the heartbeat.
    var depth = 0

    var isEmpty: Bool { !reload && !reanalyse && subtrees.isEmpty && files.isEmpty && cookies.isEmpty }

    /// Asks for a rescan of `subtree` ("" for the whole root).
    mutating func rescan(_ subtree: String = "") {
        subtrees.insert(subtree)
    }

    /// Asks for the file at `path` to be re-stat'ed, unless the whole root is rescanned anyway.
    /// Past `limit` paths a rescan (one walk) is cheaper than the list, so the list becomes one.
    mutating func restat(_ path: String, limit: Int) {
        guard !subtrees.contains("") else { return }
        files.insert(path)
        if files.count > limit {
            files = []
            rescan()
        }
    }

    /// Takes the work out, leaving nothing pending.
    mutating func take() -> Work {
        var outermost: [String] = []
        for subtree in subtrees.sorted() where !outermost.contains(where: { Self.contains($0, subtree) }) {
            outermost.append(subtree)
        }
        let work = Work(reload: reload, reanalyse: reanalyse, subtrees: outermost,
                        files: files.filter { path in !outermost.contains { Self.contains($0, path) } }, cookies: cookies)
        self = PendingWork()
        return work
    }

    /// Puts back work that failed: what it would have recorded is known only by a rescan of the
    /// whole root (with every file analysed again when `reanalyse`).
    mutating func putBack(_ work: Work, reanalyse: Bool) {
        rescan()
        if reanalyse { self.reanalyse = true }
        cookies += work.cookies
    }

    /// Whether the root-relative `path` is `directory` or lies under it ("" holds everything).
    private static func contains(_ directory: String, _ path: String) -> Bool {
        directory.isEmpty || path == directory || path.hasPrefix(directory + "/")
    }
}
