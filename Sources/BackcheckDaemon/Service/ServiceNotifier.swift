#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// systemd's `Type=notify` protocol, spoken directly (docs/DESIGN.md §11): each message is one datagram of
/// `KEY=VALUE` lines sent to the AF_UNIX socket named by `$NOTIFY_SOCKET`, where a leading `@`
/// names the abstract namespace. No libsystemd; sending is best effort, as with `sd_notify`.
public struct ServiceNotifier: Sendable {
    /// The socket address from `$NOTIFY_SOCKET`, as given (`/run/...` or `@name`).
    public let socketPath: String
    /// How often to send `WATCHDOG=1`: half of `$WATCHDOG_USEC`, or nil when the service manager
    /// does not watch this process (unset, zero, or `$WATCHDOG_PID` naming another process).
    public let watchdogInterval: Duration?

    /// A notifier for the service manager named in `environment`, or nil when not run by one.
    public init?(environment: [String: String], processID: Int32 = getpid()) {
        guard let path = environment["NOTIFY_SOCKET"], path.hasPrefix("/") || (path.hasPrefix("@") && path.count > 1) else {
            return nil
        }
        socketPath = path
        let forUs = environment["WATCHDOG_PID"].map { Int32($0) == processID } ?? true
        if forUs, let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 {
            watchdogInterval = .microseconds(microseconds / 2)
        } else {
            watchdogInterval = nil
        }
    }

    /// `READY=1`: start-up finished (sent after the first reconcile), with a status line.
    @discardableResult
    public func ready(status: String) -> Bool { send(["READY=1", "STATUS=" + Self.oneLine(status)]) }

    /// `STATUS=`: the one-line state `systemctl status` shows.
    @discardableResult
    public func status(_ text: String) -> Bool { send(["STATUS=" + Self.oneLine(text)]) }

    /// `WATCHDOG=1`: the keep-alive, due every `watchdogInterval`.
    @discardableResult
    public func watchdog() -> Bool { send(["WATCHDOG=1"]) }

    /// `STOPPING=1`: a graceful stop has begun.
    @discardableResult
    public func stopping() -> Bool { send(["STOPPING=1"]) }

    /// Sends `lines` as one datagram; false when the socket cannot be reached.
    @discardableResult
    public func send(_ lines: [String]) -> Bool {
        var name = Array(socketPath.utf8)
        let abstract = name.first == UInt8(ascii: "@")
        if abstract { name[0] = 0 }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        // A path needs room for its terminating NUL; an abstract name is counted by the length.
        guard name.count + (abstract ? 0 : 1) <= capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: name) }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \.sun_path)! + name.count + (abstract ? 0 : 1))

        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let message = Array(lines.joined(separator: "\n").utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                message.withUnsafeBytes { bytes in
                    var result: Int
                    repeat {
                        result = sendto(fd, bytes.baseAddress, bytes.count, 0, socketAddress, length)
                    } while result < 0 && errno == EINTR
                    return result
                }
            }
        }
        return sent == message.count
    }

    /// A status value on one line: the protocol separates fields by newlines.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
