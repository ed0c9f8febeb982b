import BackcheckLexer

/// Where each token text occurs in one file, built once per file and shared by every rule, so a
/// pattern is tried only where its first literal (or the literal after a leading operand) occurs
/// instead of at every token.
public final class TokenIndex: @unchecked Sendable {
    // Immutable after init; a class only so rules share one copy without copying the tables.
    private let positions: [UInt64: [Int32]]
    /// Indices of string tokens (plain and interpolated starts).
    let strings: [Int32]

    /// Indexes `file`'s identifiers and punctuation by their bytes.
    public init(_ file: LexedFile) {
        var positions: [UInt64: [Int32]] = [:]
        var strings: [Int32] = []
        file.bytes.withUnsafeBufferPointer { bytes in
            for (index, token) in file.buffer.tokens.enumerated() {
                switch token.kind {
                case .identifier, .punctuation, .number:
                    positions[Self.key(bytes, token.range), default: []].append(Int32(index))
                case .string, .stringStart:
                    strings.append(Int32(index))
                default:
                    break
                }
            }
        }
        self.positions = positions
        self.strings = strings
    }

    /// Token indices whose text may equal `text` (hash collisions are possible: verify).
    func positions(of text: [UInt8]) -> [Int32] {
        text.withUnsafeBufferPointer { positions[Self.key($0, 0..<$0.count)] ?? [] }
    }

    /// FNV-1a of the bytes with the length folded in.
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(range.count)
        for index in range {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
