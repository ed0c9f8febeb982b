#if canImport(Glibc)
import Glibc
#endif

/// The one-writer rule for daemons (docs/DESIGN.md §8): an exclusive `flock` on `<database>.lock`, held
/// for the daemon's life and released by the kernel when the process exits, however it exits.
/// The file holds the owner's pid, for the message a second daemon prints.
final class DaemonLock {
    private let fd: Int32

    /// Takes the lock beside `databasePath`, or throws `alreadyRunning`.
    init(databasePath: String) throws(DaemonError) {
        let path = databasePath + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(fd, &buffer, buffer.count, 0)
            close(fd)
            guard code == EWOULDBLOCK else { throw .system("cannot lock \(path): \(String(cString: strerror(code)))") }
            let owner = count > 0 ? Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingWhitespace()) : nil
            throw .alreadyRunning(database: databasePath, pid: owner)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    deinit { close(fd) }
}

private extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
