import BackcheckLexer
import Synchronization
import BackcheckModel

/// Where each token text occurs in one file, built once per file and shared by every rule, so a
/// pattern is tried only where its first literal (or the literal after a leading operand) occurs
/// instead of at every token.
public final class TokenIndex: Sendable {
    // A class so every rule of a file shares one copy; the tables are immutable after init, and
    // the caches computed on first use are behind a lock, since the rules of one file may run
    // on several threads (`FileAnalyzer.ruleWorkers`).
    private let positions: [UInt64: [Int32]]
    /// Indices of string tokens (plain and interpolated starts).
    let strings: [Int32]
    /// Per token: an operand may start here.
    let operandStart: [Bool]
    /// Per token: an operand starting here is not the member part of a longer chain, so a match
    /// may begin here.
    let chainStart: [Bool]
    /// `ends[endsOffset[i]..<endsOffset[i + 1]]`: where an operand starting at token i may end,
    /// shortest first.
    let ends: [Int32]
    private let endsOffset: [Int32]
    /// What is computed on first use and then shared by every rule of the file.
    private struct Caches {
        /// Chain heads before each occurrence of an anchor text: many patterns of many rules
        /// anchor on the same `.` or `==`.
        var headsByAnchor: [[UInt8]: [Int]] = [:]
        /// Function scopes and the innermost open bracket of every token, for taint rules.
        var taintStructure: (scopes: FunctionScopes, enclosing: [Int32])?
        /// Where statements begin: for suppressions, a trailing `$...X` and taint.
        var statements: Statements?
    }

    private let caches = Mutex(Caches())

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
        var operandStart = [Bool](repeating: false, count: file.buffer.tokens.count)
        var chainStart = operandStart
        var ends: [Int32] = []
        var endsOffset: [Int32] = [0]
        endsOffset.reserveCapacity(file.buffer.tokens.count + 1)
        file.buffer.tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { bytes in
                let grammar = OperandGrammar(tokens: tokens, bytes: bytes, language: file.language)
                for index in tokens.indices {
                    if grammar.isOperandStart(index) {
                        operandStart[index] = true
                        chainStart[index] = !grammar.continuesChain(index)
                        grammar.operandEnds(from: index, limit: tokens.count, into: &ends)
                    }
                    endsOffset.append(Int32(ends.count))
                }
            }
        }
        self.operandStart = operandStart
        self.chainStart = chainStart
        self.ends = ends
        self.endsOffset = endsOffset
    }

    /// Sorted, unique chain heads of the operands that end right before an occurrence of `anchor`.
    func chainHeads(before anchor: [UInt8], grammar: OperandGrammar) -> [Int] {
        if let known = caches.withLock({ $0.headsByAnchor[anchor] }) { return known }
        var heads: [Int] = []
        for position in positions(of: anchor) where position > 0 {
            if let head = grammar.chainHead(endingBefore: Int(position)) { heads.append(head) }
        }
        heads.sort()
        var unique: [Int] = []
        unique.reserveCapacity(heads.count)
        for head in heads where unique.last != head { unique.append(head) }
        // Two threads may compute the same heads at once; both get the same answer.
        caches.withLock { $0.headsByAnchor[anchor] = unique }
        return unique
    }

    /// The file's function scopes and, per token, the index of the innermost open bracket
    /// around it (-1 at the top level).
    func taintStructure(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>,
                        language: Language) -> (scopes: FunctionScopes, enclosing: [Int32]) {
        if let known = caches.withLock({ $0.taintStructure }) { return known }
        let scopes = FunctionScopes(tokens: tokens, bytes: bytes, language: language)
        var enclosing = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int32] = []
        for index in tokens.indices {
            let token = tokens[index]
            if token.hasPartner, Int(token.partner) < index, !stack.isEmpty { stack.removeLast() }
            enclosing[index] = stack.last ?? -1
            if token.hasPartner, Int(token.partner) > index { stack.append(Int32(index)) }
        }
        caches.withLock { $0.taintStructure = (scopes, enclosing) }
        return (scopes, enclosing)
    }

    /// The file's statement model, built on first use.
    package func statements(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) -> Statements {
        if let known = caches.withLock({ $0.statements }) { return known }
        let statements = Statements(tokens: tokens, bytes: bytes)
        caches.withLock { $0.statements = statements }
        return statements
    }

    /// The statement model of `file`, the file this index was built from.
    package func statements(of file: LexedFile) -> Statements {
        file.buffer.tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { statements(tokens: tokens, bytes: $0) }
        }
    }

    /// Positions in `ends` of the possible ends of an operand starting at `index`.
    func operandEnds(of index: Int) -> Range<Int> {
        Int(endsOffset[index])..<Int(endsOffset[index + 1])
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
