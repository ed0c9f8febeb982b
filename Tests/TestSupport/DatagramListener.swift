#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A bound AF_UNIX datagram socket standing in for systemd's notification socket.
public final class DatagramListener {
    let fd: Int32
    /// The `$NOTIFY_SOCKET` value naming this socket (`/path` or `@name`).
    public let address: String
    private let path: String?

    /// Binds a socket file at a fresh temporary path, or a fresh abstract name when `abstract`.
    public init(abstract: Bool) throws {
        let name = "backcheck-notify-\(UUID().uuidString.prefix(8))"
        address = abstract ? "@" + name : FileManager.default.temporaryDirectory.path + "/" + name
        path = abstract ? nil : address
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(address.utf8)
        if abstract { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + bytes.count + (abstract ? 0 : 1))
        let status = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard fd >= 0, status == 0 else { throw CocoaError(.fileWriteUnknown) }
        // Never block a test forever: a receive gives up after 60 s (a loaded CI machine can take
        // tens of seconds to reconcile a tree before it is ready).
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The next datagram's text, or nil after 60 s without one.
    public func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count < 0 ? nil : String(decoding: buffer[..<count], as: UTF8.self)
    }

    deinit {
        close(fd)
        if let path { unlink(path) }
    }
}
