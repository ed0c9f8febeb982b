import Foundation

/// The audit's progress line on a terminal: `backcheck: 1200/5400 files (22%)`, rewritten in place
/// with `\r`, at most ten times a second, and only once the audit has run for `delay` (a short
/// audit prints nothing). ``finish()`` erases it so the report starts on a clean line.
public final class ProgressLine: @unchecked Sendable {
    // @unchecked: every mutable property is only touched while holding `lock`.
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let delay: TimeInterval
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// Writes through `write` (standard error in the CLI).
    public init(delay: TimeInterval = 0.5, write: @escaping @Sendable (String) -> Void) {
        self.delay = delay
        self.write = write
    }

    /// Reports `done` of `total` files.
    public func update(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard total > 0, now.timeIntervalSince(started) >= delay, now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drawn = true
        write("\r\u{1B}[2Kbackcheck: \(done)/\(total) files (\(done * 100 / total)%)")
    }

    /// Erases the line, if one was drawn.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { write("\r\u{1B}[2K") }
        drawn = false
    }
}
