import Synchronization

/// Counts the elementary steps of the pipeline's stages (a token inspected, a directory entry
/// visited, a schema element applied), so that tests can assert that work grows linearly with
/// the input as a count rather than a time. Only debug builds count, and only inside
/// ``measure(_:)``: in a release build ``tick(_:)`` compiles to nothing.
public final class WorkMeter: Sendable {
    @TaskLocal private static var current: WorkMeter?
    private let count = Atomic<Int>(0)

    private init() {}

    /// Counts `steps` against the meter of the enclosing ``measure(_:)``, if any.
    @inline(__always)
    public static func tick(_ steps: Int = 1) {
        #if DEBUG
        current?.count.add(steps, ordering: .relaxed)
        #endif
    }

    /// Runs `body` and returns its result with the steps its stages counted (always 0 in a
    /// release build).
    public static func measure<Result>(_ body: () throws -> Result) rethrows -> (result: Result, steps: Int) {
        let meter = WorkMeter()
        let result = try $current.withValue(meter) { try body() }
        return (result, meter.count.load(ordering: .relaxed))
    }
}
