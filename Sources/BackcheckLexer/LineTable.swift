import BackcheckModel

/// The file's line starts, computed before lexing, plus a forward-only cursor: tokens are emitted
/// in source order, so finding a token's line is amortized O(1) without counting newlines in
/// every scanner.
struct LineTable {
    let starts: LineStarts
    private var index = 0

    init(_ p: UnsafePointer<UInt8>, count: Int) {
        starts = LineStarts(UnsafeBufferPointer(start: p, count: count))
    }

    /// The 1-based line of `offset`; offsets should mostly be non-decreasing between calls.
    @inline(__always)
    mutating func line(of offset: Int) -> Int {
        if offset < Int(starts.offsets[index]) { index = starts.line(ofByte: offset) - 1 }
        while index + 1 < starts.offsets.count, Int(starts.offsets[index + 1]) <= offset { index += 1 }
        return index + 1
    }

    /// Byte offset at which 1-based `line` starts.
    @inline(__always)
    func start(ofLine line: Int) -> Int { starts.start(ofLine: line) }
}
