import Synchronization

/// The bytes of a pattern's literal token or string, interned for the life of the process.
///
/// The matcher reads a pattern element at every step; with the bytes behind a plain pointer,
/// copying an element costs no reference counting (an `[UInt8]` payload cost a retain and a
/// release per read, a quarter of an audit's time). Interning makes equal literals share one
/// pointer, so the pool grows only with distinct literals, however often rules are reloaded.
package struct PatternLiteral: @unchecked Sendable, Hashable {
    private let start: UnsafePointer<UInt8>
    package let count: Int

    package init(_ bytes: some Sequence<UInt8>) {
        (start, count) = Self.pool.intern(Array(bytes))
    }

    /// The literal's bytes; valid for the whole process.
    package var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    package var array: [UInt8] { Array(bytes) }

    // Interned: equal bytes are the same pointer.
    package static func == (lhs: PatternLiteral, rhs: PatternLiteral) -> Bool { lhs.start == rhs.start }

    package func hash(into hasher: inout Hasher) { hasher.combine(UnsafeRawPointer(start)) }

    private static let pool = Pool()

    /// Every distinct literal's bytes, never freed (pattern literals are a few kilobytes).
    private final class Pool: Sendable {
        private let storage = Mutex<[[UInt8]: UnsafeSendablePointer]>([:])

        func intern(_ bytes: [UInt8]) -> (UnsafePointer<UInt8>, Int) {
            storage.withLock { table in
                if let known = table[bytes] { return (known.pointer, bytes.count) }
                let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
                copy.initialize(from: bytes, count: bytes.count)
                table[bytes] = UnsafeSendablePointer(pointer: UnsafePointer(copy))
                return (UnsafePointer(copy), bytes.count)
            }
        }
    }

    private struct UnsafeSendablePointer: @unchecked Sendable {
        let pointer: UnsafePointer<UInt8>
    }
}
