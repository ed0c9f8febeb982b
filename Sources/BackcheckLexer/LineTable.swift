/// Line starts computed in one pass before lexing, plus a forward-only cursor: tokens are emitted
/// in source order, so finding a token's line is amortized O(1) without counting newlines in
/// every scanner.
struct LineTable {
    private(set) var starts: [UInt32]
    private var index = 0

    /// Line breaks are `\n`, `\r\n` and a lone `\r`.
    init(_ p: UnsafePointer<UInt8>, count: Int) {
        starts = [0]
        starts.reserveCapacity(count / 24 + 16)
        var i = 0
        while i < count {
            // Skip eight bytes at a time while none is below 0x0E (so neither \n nor \r).
            while i &+ 8 <= count {
                let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                i &+= 8
            }
            let stop = min(i + 8, count)
            while i < stop {
                let b = p[i]
                i += 1
                if b == ASCII.lf {
                    starts.append(UInt32(truncatingIfNeeded: i))
                } else if b == ASCII.cr {
                    if i < count, p[i] == ASCII.lf { i += 1 }
                    starts.append(UInt32(truncatingIfNeeded: i))
                }
            }
        }
    }

    /// The 1-based line of `offset`; offsets should mostly be non-decreasing between calls.
    @inline(__always)
    mutating func line(of offset: Int) -> Int {
        if offset < Int(starts[index]) { index = binarySearch(offset) }
        while index + 1 < starts.count, Int(starts[index + 1]) <= offset { index += 1 }
        return index + 1
    }

    /// Byte offset at which 1-based `line` starts.
    @inline(__always)
    func start(ofLine line: Int) -> Int { Int(starts[line - 1]) }

    private func binarySearch(_ offset: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if Int(starts[mid]) <= offset { low = mid + 1 } else { high = mid }
        }
        return max(low - 1, 0)
    }
}
