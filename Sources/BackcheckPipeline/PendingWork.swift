/// What the daemon's events asked for and it has not done yet, by root index. Kept apart from the
/// loop so that "what to do" and "when to do it" read separately.
struct PendingWork {
    /// Roots whose configuration or rules changed: reload them first.
    var reload: Set<Int> = []
    /// Roots to reconcile in full (start-up, overflow, directories, ignore files, lost watches,
    /// polling, git operations).
    var reconcile: Set<Int> = []
    /// Roots whose every file must be analysed again (new rules).
    var reanalyse: Set<Int> = []
    /// Files events named, by root: re-stat'ed and analysed on their own.
    var files: [Int: Set<String>] = [:]
    /// The `--sync` cookies seen, by root: acknowledged once the root's batch is recorded.
    var cookies: [Int: [String]] = [:]
    /// Events counted since the last batch, for `status` and the heartbeat.
    var depth = 0

    var isEmpty: Bool { reload.isEmpty && reconcile.isEmpty && reanalyse.isEmpty && files.isEmpty && cookies.isEmpty }

    /// The roots with anything to do, in order.
    var roots: [Int] { Array(reload.union(reconcile).union(reanalyse).union(files.keys).union(cookies.keys)).sorted() }

    /// Takes the work of `root` out, leaving the rest.
    mutating func take(_ root: Int)
        -> (reload: Bool, reconcile: Bool, reanalyse: Bool, files: Set<String>, cookies: [String]) {
        let taken = (reload.remove(root) != nil, reconcile.remove(root) != nil, reanalyse.remove(root) != nil,
                     files.removeValue(forKey: root) ?? [], cookies.removeValue(forKey: root) ?? [])
        if isEmpty { depth = 0 }
        return taken
    }
}
