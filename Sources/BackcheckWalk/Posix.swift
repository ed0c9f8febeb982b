#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call's errno, with the C library's text for it.
package struct PosixError: Error, Sendable {
    package let code: Int32

    package init(code: Int32) {
        self.code = code
    }

    package var text: String { String(cString: strerror(code)) }
}

/// Thin wrappers over the POSIX calls the walker and ignore rules need, retrying on EINTR.
package enum Posix {
    /// Opens `path` relative to `directory` (a directory fd or `AT_FDCWD`) without following a
    /// symlink in its last component.
    static func open(_ path: String, in directory: Int32, flags: Int32) throws(PosixError) -> Int32 {
        while true {
            let fd = openat(directory, path, flags | O_NOFOLLOW | O_CLOEXEC)
            if fd >= 0 { return fd }
            if errno != EINTR { throw PosixError(code: errno) }
        }
    }

    /// The whole contents of a small file (ignore files), or nil when it does not exist, is not a
    /// regular file or is a symlink (git does not follow in-tree ignore-file symlinks either).
    static func readFile(_ path: String, in directory: Int32 = AT_FDCWD) throws(PosixError) -> [UInt8]? {
        let fd: Int32
        do {
            fd = try open(path, in: directory, flags: O_RDONLY)
        } catch {
            if error.code == ENOENT || error.code == ENOTDIR || error.code == ELOOP { return nil }
            throw error
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw PosixError(code: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = try readSome(fd, into: &chunk)
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Reads `count` bytes (at most `buffer.count`) from the start of `fd` into `buffer`,
    /// fewer only at end of file.
    static func readPrefix(_ fd: Int32, into buffer: inout [UInt8], count wanted: Int) throws(PosixError) -> Int {
        let wanted = min(wanted, buffer.count)
        var total = 0
        while total < wanted {
            let count = buffer.withUnsafeMutableBytes {
                readSome(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[total..<wanted]))
            }
            if count < 0 { throw PosixError(code: Int32(-count)) }
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Calls `body` with the name and `d_type` of every entry of `stream` except `.` and `..`;
    /// returns 0, or the errno that ended the listing early.
    package static func forEachEntry(_ stream: OpaquePointer, _ body: (UnsafePointer<CChar>, Int32) -> Void) -> Int32 {
        let nameOffset = MemoryLayout<dirent>.offset(of: \.d_name)!
        while true {
            // readdir reports errors only through errno, so clear it before each call.
            errno = 0
            guard let entry = readdir(stream) else { return errno }
            let name = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            if name[0] == 0x2E, name[1] == 0 || (name[1] == 0x2E && name[2] == 0) { continue }
            body(name, Int32(entry.pointee.d_type))
        }
    }

    private static func readSome(_ fd: Int32, into buffer: inout [UInt8]) throws(PosixError) -> Int {
        let count = buffer.withUnsafeMutableBytes { readSome(fd, into: $0) }
        if count < 0 { throw PosixError(code: Int32(-count)) }
        return count
    }

    /// The byte count read, or minus errno (a closure of the buffer APIs cannot throw typed errors).
    private static func readSome(_ fd: Int32, into raw: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = read(fd, raw.baseAddress, raw.count)
            if count >= 0 { return count }
            if errno != EINTR { return -Int(errno) }
        }
    }
}
