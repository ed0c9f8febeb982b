#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// SIGTERM and SIGINT turned into a readable descriptor the daemon's `poll` waits on, so a stop
/// request ends the wait but never interrupts a batch in flight.
final class StopSignal {
    /// Readable once a stop was requested.
    let fd: Int32
    private let writeEnd: Int32
    private var sources: [any DispatchSourceSignal] = []

    init() throws(DaemonError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw .system("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        fd = ends[0]
        writeEnd = ends[1]
        for number in [SIGTERM, SIGINT] {
            // The default action would end the process at once; the source sees the signal instead.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            let target = writeEnd
            source.setEventHandler {
                var byte: UInt8 = 1
                _ = write(target, &byte, 1)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        close(fd)
        close(writeEnd)
    }
}
