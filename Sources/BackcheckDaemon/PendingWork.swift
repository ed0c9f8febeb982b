/// What the daemon's events asked for and it has not done yet, by root index. Kept apart from the
/// loop so that "what to do" and "when to do it" read separately.
struct PendingWork {
    /// One root's share, taken out to be done.
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

    /// Roots whose configuration or rules changed.
    var reload: Set<Int> = []
    /// Roots whose every file is to be analysed again.
    var reanalyse: Set<Int> = []
    /// Directories to rescan in full, by root ("" for the whole root): a directory created,
    /// moved or deleted, an ignore file changed, a lost watch, an overflow, a git operation.
    private(set) var subtrees: [Int: Set<String>] = [:]
    /// Files events named, by root: re-stat'ed and analysed on their own.
    var files: [Int: Set<String>] = [:]
    /// The `--sync` cookies seen, by root: acknowledged once the root's batch is recorded.
    var cookies: [Int: [String]] = [:]
    /// Events counted since the last batch, for `status` and the heartbeat.
    var depth = 0

    var isEmpty: Bool { reload.isEmpty && reanalyse.isEmpty && subtrees.isEmpty && files.isEmpty && cookies.isEmpty }

    /// The roots with anything to do, in order.
    var roots: [Int] {
        Array(reload.union(reanalyse).union(subtrees.keys).union(files.keys).union(cookies.keys)).sorted()
    }

    /// Asks for a rescan of `subtree` of `root` ("" for all of it).
    mutating func rescan(_ root: Int, subtree: String = "") {
        subtrees[root, default: []].insert(subtree)
    }

    /// Whether all of `root` is to be rescanned.
    func rescansAll(_ root: Int) -> Bool { subtrees[root]?.contains("") ?? false }

    /// Takes the work of `root` out, leaving the rest.
    mutating func take(_ root: Int) -> Work {
        var outermost: [String] = []
        for subtree in (subtrees.removeValue(forKey: root) ?? []).sorted()
        where !outermost.contains(where: { Self.contains($0, subtree) }) {
            outermost.append(subtree)
        }
        let files = (files.removeValue(forKey: root) ?? []).filter { path in !outermost.contains { Self.contains($0, path) } }
        let work = Work(reload: reload.remove(root) != nil, reanalyse: reanalyse.remove(root) != nil,
                        subtrees: outermost, files: files, cookies: cookies.removeValue(forKey: root) ?? [])
        if isEmpty { depth = 0 }
        return work
    }

    /// Puts back the work of `root` that failed: what it would have recorded is known only by a
    /// rescan of the whole root (with every file analysed again when `reanalyse`).
    mutating func putBack(_ work: Work, of root: Int, reanalyse: Bool) {
        rescan(root)
        if reanalyse { self.reanalyse.insert(root) }
        cookies[root, default: []] += work.cookies
    }

    /// Whether the root-relative `path` is `directory` or lies under it ("" holds everything).
    private static func contains(_ directory: String, _ path: String) -> Bool {
        directory.isEmpty || path == directory || path.hasPrefix(directory + "/")
    }
}
