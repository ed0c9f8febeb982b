/// Where each line of a file starts, computed in one pass over its bytes: the one conversion from
/// byte offsets to ``SourcePosition``s. Line breaks are `\n`, `\r\n` and a lone `\r`.
public struct LineStarts: Sendable, Hashable {
    /// Byte offset at which each line starts; `offsets[0] == 0` is line 1.
    public let offsets: [UInt32]

    /// A table of known line starts (one line starting at 0 by default: an empty file).
    public init(offsets: [UInt32] = [0]) {
        self.offsets = offsets
    }

    /// The line starts of `bytes`.
    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer(LineStarts.init)
    }

    /// The line starts of `bytes`.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts: [UInt32] = [0]
        let count = bytes.count
        starts.reserveCapacity(count / 24 + 16)
        guard let p = bytes.baseAddress else {
            offsets = starts
            return
        }
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
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
                if b == lf {
                    starts.append(UInt32(truncatingIfNeeded: i))
                } else if b == cr {
                    if i < count, p[i] == lf { i += 1 }
                    starts.append(UInt32(truncatingIfNeeded: i))
                }
            }
        }
        offsets = starts
    }

    /// How many lines the file has (an empty file, or one ending in a line break, counts the
    /// empty line after it).
    @inlinable
    public var lineCount: Int { offsets.count }

    /// Byte offset at which 1-based `line` starts.
    @inlinable
    public func start(ofLine line: Int) -> Int { Int(offsets[line - 1]) }

    /// The 1-based line holding byte `offset` (an offset past the end is on the last line).
    @inlinable
    public func line(ofByte offset: Int) -> Int {
        var low = 0
        var high = offsets.count
        while low < high {
            let mid = (low + high) / 2
            if Int(offsets[mid]) <= offset { low = mid + 1 } else { high = mid }
        }
        return max(low, 1)
    }

    /// The position of byte `offset` in `bytes`, the bytes this table was built from: its line,
    /// and 1 plus the Unicode scalars between the line's start and it.
    public func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        let line = line(ofByte: offset)
        var column = 1
        var index = start(ofLine: line)
        let end = min(offset, bytes.count)
        while index < end {
            // Count every byte that does not continue a UTF-8 sequence.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The position of byte `offset` in `bytes`, the bytes this table was built from.
    public func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        bytes.withUnsafeBufferPointer { position(ofByte: offset, in: $0) }
    }
}
