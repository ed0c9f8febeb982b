import BackcheckWalk
import Foundation

extension Daemon {
    /// What a reload found.
    enum ReloadOutcome {
        /// The configuration and rules are as before (or the new ones are broken).
        case unchanged
        /// Settings that decide which files are in the tree changed: reconcile.
        case settingsChanged
        /// The rules, or what decides how a file is read, changed: analyse every file again.
        case analysisChanged
    }

    /// Reloads root `index`'s configuration and rules; a broken configuration keeps the last good
    /// one and says why.
    func reload(_ index: Int) -> ReloadOutcome {
        let current = roots[index].tree
        let fresh: WatchedRoot
        do {
            fresh = try WatchedRoot(path: current.path)
        } catch {
            roots[index].hasBrokenConfiguration = true
            request.log("\(current.path): keeping the last good configuration: \(error)")
            return .unchanged
        }
        let wasBroken = roots[index].hasBrokenConfiguration
        roots[index].hasBrokenConfiguration = false
        guard fresh.configuration != current.configuration || fresh.selection.hash != current.selection.hash else {
            if wasBroken { request.log("\(current.path): configuration is valid again, and unchanged") }
            return .unchanged
        }
        var tree = fresh
        tree.summaries = current.summaries
        tree.fileSummaries = current.fileSummaries
        roots[index].tree = tree
        roots[index].reader = Self.reader(for: tree, secretKey: secretKey)
        watchRuleFolders(index)
        let outcome: ReloadOutcome = fresh.invalidatesAnalysis(of: current) ? .analysisChanged : .settingsChanged
        request.log("\(fresh.path): configuration reloaded (\(fresh.selection.rules.rules.count) rules)"
            + (outcome == .analysisChanged ? "; analysing every file again" : ""))
        return outcome
    }

    /// Reconciles one root (every file analysed again when `everything`), watching each of its
    /// directories before the walk lists it, so that nothing created after the listing is lost.
    /// `subtree` limits the rescan to one directory (root-relative; "" for the whole root).
    func reconcile(_ index: Int, subtree: String = "", always: Bool = false, everything: Bool = false) async throws {
        var root = roots[index].tree
        let started = ContinuousClock.now
        let outcome = try await root.reconcile(store: store, reader: roots[index].reader, parallelism: request.parallelism,
                                               toolVersion: toolVersion, subtree: subtree, always: always,
                                               everything: everything) {
            [unowned self] directory in watch(directory, of: index)
        }
        roots[index].tree = root
        roots[index].fileCount = outcome.files
        if outcome.recorded + outcome.removed > 0 {
            log(outcome, of: subtree.isEmpty ? root.path : root.path + "/" + subtree, since: started)
        }
        hasMemoryToRelease = true
    }

    /// Rebuilds root `index`'s table of functions returning request data and hands it to its
    /// reader; whether the table changed.
    @discardableResult
    func summarize(_ index: Int) async throws -> Bool {
        let before = roots[index].tree.summaries
        try await roots[index].tree.summarizeAll(reader: roots[index].reader, store: store, parallelism: request.parallelism)
        roots[index].reader.analyzer.sourceSummaries = roots[index].tree.summaries
        return roots[index].tree.summaries != before
    }

    /// Re-stats and analyses the files events named in root `index`. When they change the root's
    /// table of functions returning request data, every file is analysed again: any may call one.
    func update(_ index: Int, _ paths: Set<String>) async throws {
        if roots[index].tree.resummarize(paths, reader: roots[index].reader) {
            roots[index].reader.analyzer.sourceSummaries = roots[index].tree.summaries
            request.log("\(roots[index].path): functions returning request data changed; analysing every file again")
            try await reconcile(index, always: true, everything: true)
            return
        }
        var root = roots[index].tree
        let started = ContinuousClock.now
        let outcome = try await root.update(paths, store: store, reader: roots[index].reader, parallelism: request.parallelism,
                                            toolVersion: toolVersion)
        roots[index].tree = root
        roots[index].fileCount = outcome.files
        // Quiet when nothing changed (an event about a file that is not source, say).
        if outcome.recorded + outcome.removed > 0 { log(outcome, of: root.path, since: started) }
    }

    /// Logs a batch of the directory at `path` (a root, or the subtree rescanned).
    private func log(_ outcome: WatchedRoot.Outcome, of path: String, since started: ContinuousClock.Instant) {
        request.log("\(path): \(outcome.recorded) recorded (\(outcome.unchanged) unchanged), "
            + "\(outcome.removed) removed in \(Self.milliseconds(since: started)) ms")
    }

    /// Watches the tree directory `directory` (relative) of root `index`. A directory beyond the
    /// primary watcher's limit goes to a polling watcher instead.
    private func watch(_ directory: String, of index: Int) {
        let root = roots[index].path
        let path = directory.isEmpty ? root : root + "/" + directory
        guard let key = watchKey(path, onLimit: { error in
            if !roots[index].isPolled {
                roots[index].isPolled = true
                request.log("\(error); polling the rest of \(root) instead")
            }
        }) else { return }
        watches[key] = .tree(root: index, directory: directory)
    }

    /// Watches root `index`'s rule folders that lie outside its tree (those inside are watched
    /// with the tree), with every folder below them.
    func watchRuleFolders(_ index: Int) {
        let root = roots[index].tree
        for folder in root.ruleFolders where !folder.hasPrefix(root.path + "/") {
            let below = (FileManager.default.subpaths(atPath: folder) ?? []).map { folder + "/" + $0 }
            for path in [folder] + below {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                      let key = watchKey(path, onLimit: { request.log("\($0)") })
                else { continue }
                watches[key] = .ruleFolder(root: index)
            }
        }
    }

    /// Watches the directory at `path` with the primary watcher, or with a polling watcher when
    /// the primary's limit is reached (`onLimit` is told); nil when it cannot be watched (it
    /// vanished since it was listed: the next reconcile sees it gone).
    private func watchKey(_ path: String, onLimit: (WatcherError) -> Void) -> WatchKey? {
        do {
            return WatchKey(watcher: 0, id: try watchers[0].watch(directory: path))
        } catch let error where error.isWatchLimit {
            onLimit(error)
            if watchers.count == 1 { watchers.append(PollingWatcher()) }
            return try? WatchKey(watcher: 1, id: watchers[1].watch(directory: path))
        } catch {
            return nil
        }
    }
}
