#if canImport(Glibc)
import Glibc
#endif
import BackcheckStore
import Foundation
import BackcheckModel

extension FindingQueries {
    /// Waits until the running daemon has recorded every change made in `root` (in every root it
    /// watches when nil) before this call, as Watchman's cookies do: a marker file is created in
    /// each root, and the daemon acknowledges it in the database once the batch that saw it, and
    /// so every earlier change, is committed. The markers are removed either way.
    public func sync(root: String?, timeout: Duration = .seconds(30)) throws(QueryError) {
        let status: DaemonStatus?
        do {
            status = try store.daemonStatus()
        } catch {
            throw .store(error)
        }
        guard let status, DaemonReport.isAlive(status) else { throw .noDaemon }
        let roots = root.map { [$0] } ?? status.roots
        if let unwatched = roots.first(where: { !status.roots.contains($0) }) {
            throw .notWatched(unwatched, watched: status.roots)
        }
        var waiting: [(root: String, name: String)] = []
        defer { for cookie in waiting { unlink(cookie.root + "/" + cookie.name) } }
        for root in roots {
            let name = SyncCookie.prefix + "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
            let fd = open(root + "/" + name, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw .cookie(root + "/" + name, reason: String(cString: strerror(errno))) }
            close(fd)
            waiting.append((root, name))
        }
        var pending = waiting
        let deadline = ContinuousClock.now + timeout
        while !pending.isEmpty {
            var left: [(root: String, name: String)] = []
            for cookie in pending {
                do {
                    if try !store.takeSyncCookie(cookie.name) { left.append(cookie) }
                } catch {
                    throw .store(error)
                }
            }
            pending = left
            guard !pending.isEmpty else { break }
            guard ContinuousClock.now < deadline else {
                throw .syncTimeout(pending.map(\.root), seconds: Int(timeout.components.seconds))
            }
            usleep(2_000)
        }
    }
}
