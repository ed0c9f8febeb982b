#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-user HMAC key for secret fingerprints: 32 random bytes in a 0600 file beside the database.
struct SecretKeyFile {
    static let keyLength = 32
    let path: String

    /// Reads the key, creating it first if the file does not exist.
    func load() throws(StoreError) -> [UInt8] {
        if let key = try readKey() { return key }
        try create()
        guard let key = try readKey() else {
            throw .invalidKeyFile(path: path, reason: "it disappeared right after it was created")
        }
        return key
    }

    /// The key, or nil when the file does not exist.
    private func readKey() throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .cannotOpen(path: path, reason: PrivateFiles.errnoDescription())
        }
        defer { close(fd) }
        var info = stat()
        // A key others can read lets them confirm guesses of the secrets; tighten it.
        if fstat(fd, &info) == 0 && info.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
        var buffer = [UInt8](repeating: 0, count: Self.keyLength + 1)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count == Self.keyLength else {
            throw .invalidKeyFile(path: path, reason: "expected \(Self.keyLength) bytes, read \(max(count, 0))")
        }
        return Array(buffer.prefix(Self.keyLength))
    }

    /// Writes a fresh key to a private temporary file, then links it into place. `link` fails when
    /// another process won the race, and then both use the winner's key; a reader never sees a
    /// partially written key.
    private func create() throws(StoreError) {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<Self.keyLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let temporary = "\(path).\(getpid()).tmp"
        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: temporary, reason: PrivateFiles.errnoDescription()) }
        defer { unlink(temporary) }
        let written = key.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == Self.keyLength, synced else {
            throw .cannotOpen(path: temporary, reason: PrivateFiles.errnoDescription())
        }
        if link(temporary, path) != 0 && errno != EEXIST {
            throw .cannotOpen(path: path, reason: PrivateFiles.errnoDescription())
        }
    }
}
