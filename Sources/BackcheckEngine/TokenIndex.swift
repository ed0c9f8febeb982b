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
    /// `ends[endsFrom[i]..<endsTo[i]]`: where an operand starting at token i may end, shortest
    /// first. The ends of a member (or of a bracket inside a chain) are the tail of its chain's
    /// ends, so they share them: stored once per chain, a minified chain of n links costs n
    /// entries, not n² / 2.
    let ends: [Int32]
    private let endsFrom: [Int32]
    private let endsTo: [Int32]
    /// What is computed on first use and then shared by every rule of the file.
    private struct Caches {
        /// Chain heads before each occurrence of an anchor text: many patterns of many rules
        /// anchor on the same `.` or `==`.
        var headsByAnchor: [[UInt8]: [Int]] = [:]
        /// Per token, the head of the operand chain ending with it (``OperandGrammar/chainHeads()``).
        var chainHeads: [Int32]?
        /// Function scopes and the innermost open bracket of every token, for taint rules.
        var taintStructure: (scopes: FunctionScopes, enclosing: [Int32])?
        /// Where statements begin: for suppressions, a trailing `$...X` and taint.
        var statements: Statements?
        /// Branches that constant conditions rule out, for taint.
        var deadCode: DeadCode?
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
        let count = file.buffer.tokens.count
        var endsFrom = [Int32](repeating: 0, count: count)
        var endsTo = endsFrom
        // Per token t: the entry of `ends` holding t, and the end of its list. The ends after an
        // entry depend only on its token, so an operand whose shortest end is t shares that tail.
        var entryOf = [Int32](repeating: -1, count: count + 1)
        var listEndOf = entryOf
        file.buffer.tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { bytes in
                let grammar = OperandGrammar(tokens: tokens, bytes: bytes, language: file.language)
                for index in tokens.indices where grammar.isOperandStart(index) {
                    operandStart[index] = true
                    chainStart[index] = !grammar.continuesChain(index)
                    guard let first = grammar.firstEnd(from: index, limit: count) else { continue }
                    if entryOf[first] >= 0 {
                        endsFrom[index] = entryOf[first]
                        endsTo[index] = listEndOf[first]
                        continue
                    }
                    let from = ends.count
                    grammar.operandEnds(from: first, limit: count, into: &ends)
                    for entry in from..<ends.count {
                        entryOf[Int(ends[entry])] = Int32(entry)
                        listEndOf[Int(ends[entry])] = Int32(ends.count)
                    }
                    endsFrom[index] = Int32(from)
                    endsTo[index] = Int32(ends.count)
                }
            }
        }
        self.operandStart = operandStart
        self.chainStart = chainStart
        self.ends = ends
        self.endsFrom = endsFrom
        self.endsTo = endsTo
    }

    /// Sorted, unique chain heads of the operands that end right before an occurrence of `anchor`.
    func chainHeads(before anchor: [UInt8], grammar: OperandGrammar) -> [Int] {
        if let known = caches.withLock({ $0.headsByAnchor[anchor] }) { return known }
        let headOf: [Int32]
        if let known = caches.withLock({ $0.chainHeads }) {
            headOf = known
        } else {
            headOf = grammar.chainHeads()
            caches.withLock { $0.chainHeads = headOf }
        }
        var heads: [Int] = []
        for position in positions(of: anchor) where position > 0 {
            heads.append(Int(headOf[Int(position) - 1]))
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

    /// The file's dead branches (``DeadCode``), found on first use.
    func deadCode(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, language: Language) -> DeadCode {
        if let known = caches.withLock({ $0.deadCode }) { return known }
        let deadCode = DeadCode(tokens: tokens, bytes: bytes, language: language, statements: statements(tokens: tokens, bytes: bytes))
        caches.withLock { $0.deadCode = deadCode }
        return deadCode
    }

    /// The statement model of `file`, the file this index was built from.
    package func statements(of file: LexedFile) -> Statements {
        file.buffer.tokens.withUnsafeBufferPointer { tokens in
            file.bytes.withUnsafeBufferPointer { statements(tokens: tokens, bytes: $0) }
        }
    }

    /// Positions in `ends` of the possible ends of an operand starting at `index`.
    func operandEnds(of index: Int) -> Range<Int> {
        Int(endsFrom[index])..<Int(endsTo[index])
    }

    /// Token indices whose text may equal `text` (hash collisions are possible: verify).
    /// Whether some token's text may equal `text` (a hash match: verify before relying on it).
    package func mayHold(_ text: [UInt8]) -> Bool { !positions(of: text).isEmpty }

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
