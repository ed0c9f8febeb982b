#if canImport(Glibc)
import Glibc
#endif
import BackcheckWalk
import BackcheckModel

extension Daemon {
    /// Turns watcher events into pending work; ignored paths cost nothing more. Returns whether
    /// any event counted.
    func handle(_ events: [(watcher: Int, event: WatchEvent)]) -> Bool {
        var counted = false
        for (watcher, event) in events {
            if event.isOverflow {
                request.log("the \(watchers[watcher].name) event queue overflowed; rescanning every root")
                for index in roots.indices { roots[index].pending.rescan() }
                counted = true
                continue
            }
            let key = WatchKey(watcher: watcher, id: event.watch)
            guard let target = watches[key] else { continue }
            if event.isWatchRemoved { watches[key] = nil }
            switch target {
            case .ruleFolder(let index):
                roots[index].pending.reload = true
                roots[index].pending.depth += 1
                counted = true
            case .tree(let index, let directory):
                if count(event, in: index, directory: directory) { counted = true }
            }
        }
        return counted
    }

    /// Files one event of root `index`'s tree; whether it counted.
    private func count(_ event: WatchEvent, in index: Int, directory: String) -> Bool {
        let path = directory.isEmpty ? event.name : directory + "/" + event.name
        if event.name.hasPrefix(SyncCookie.prefix) {
            // Created by `findings --sync` (its deletion, after the answer, asks nothing).
            guard access(roots[index].path + "/" + path, F_OK) == 0 else { return false }
            roots[index].pending.cookies.append(event.name)
            return true
        }
        // A configuration file is reloaded, and otherwise treated as any file of the tree.
        let isConfiguration = !event.name.isEmpty && roots[index].tree.isConfiguration(path)
        if isConfiguration { roots[index].pending.reload = true }
        let isIgnoreFile = event.name == ".gitignore"
        if isIgnoreFile { roots[index].tree.ignoreRules.forgetIgnoreFile(inDirectory: directory) }
        if !event.name.isEmpty, !isIgnoreFile,
           roots[index].tree.ignoreRules.isIgnored(relativePath: path, isDirectory: event.isDirectory) {
            if isConfiguration { roots[index].pending.depth += 1 }
            return isConfiguration
        }
        roots[index].pending.depth += 1
        // A file event names the one file to re-stat; anything else (the directory itself, a
        // directory entry, an ignore file) can change what the tree holds: reconcile it all.
        if event.name.isEmpty || isIgnoreFile || event.isWatchRemoved {
            // The directory itself went or changed its ignore rules: rescan it.
            roots[index].pending.rescan(directory)
        } else if event.isDirectory {
            // A directory created, moved in or out, or deleted: rescan it (a walk that finds
            // nothing there closes what it held).
            roots[index].pending.rescan(path)
        } else {
            roots[index].pending.restat(path, limit: Self.maxPendingFiles)
        }
        return true
    }
}
