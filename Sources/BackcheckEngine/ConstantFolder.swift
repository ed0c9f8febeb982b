import BackcheckLexer
import BackcheckModel

/// A compile-time value: what a condition or a `switch` selector folds to. Characters and
/// strings are both text, so `'B'` matches the label `case 'B':` whichever quotes made it.
enum ConstantValue: Equatable {
    case integer(Int)
    case boolean(Bool)
    case text([UInt8])
}

/// Folds expressions of literals, and of names declared once in the file with such a value, to
/// a constant: `(7 * 42) - num > 200`, `"ABC".charAt(1)`, `limit.length() == 3`. Anything it
/// does not know (a call, a field, a name assigned twice) folds to nil, so the code around it
/// stays live.
struct ConstantFolder {
    private let tokens: UnsafeBufferPointer<Token>
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The value of each name assigned exactly once in the file, as the token range of its right side.
    private let declarations: [String: Range<Int>]

    private static let mutatingOperators: Set<String> = ["+=", "-=", "*=", "/=", "%=", "++", "--", "|=", "&=", "^=", "<<=", ">>=", "??=", "||=", "&&="]

    init(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, language: Language, statements: Statements) {
        self.tokens = tokens
        self.bytes = bytes
        var declarations: [String: Range<Int>] = [:]
        var assignments: [String: Int] = [:]
        func text(_ index: Int) -> String { String(decoding: bytes[tokens[index].range], as: UTF8.self) }
        // Brace languages declare with a type or keyword before the name (`int num = 86`,
        // `const limit = 3`); a bare `x = 1` there may assign a field or a parameter.
        let declaresWithKeyword = ![.python, .ruby, .php].contains(language)
        for index in tokens.indices where tokens[index].kind == .punctuation && tokens[index].length <= 3 {
            let word = text(index)
            if Self.mutatingOperators.contains(word) {
                if index > 0, tokens[index - 1].kind == .identifier { assignments[text(index - 1), default: 0] += 2 }
                if index + 1 < tokens.count, tokens[index + 1].kind == .identifier { assignments[text(index + 1), default: 0] += 2 }
                continue
            }
            guard word == "=" || word == ":=", index > 0, tokens[index - 1].kind == .identifier else { continue }
            let name = text(index - 1)
            assignments[name, default: 0] += 1
            let previous = index - 2
            let isMember = previous >= 0 && OperandGrammar.isMemberAccess(tokens[previous], bytes: bytes, language: language)
            let isDeclaration = word == ":=" || !declaresWithKeyword
                || (previous >= 0 && (tokens[previous].kind == .identifier || text(previous) == ">" || text(previous) == "]"))
            if isMember || !isDeclaration {
                assignments[name, default: 0] += 2
                continue
            }
            let end = statements.end(from: index + 1, limit: tokens.count, tokens: tokens, bytes: bytes)
            declarations[name] = (index + 1)..<end
        }
        self.declarations = declarations.filter { assignments[$0.key] == 1 }
    }

    /// The value of the expression in `range`, or nil when it is not a constant.
    func value(of range: Range<Int>) -> ConstantValue? {
        var steps = 0
        return evaluate(range, depth: 0, steps: &steps)
    }

    private func evaluate(_ range: Range<Int>, depth: Int, steps: inout Int) -> ConstantValue? {
        guard depth < 6, !range.isEmpty, range.count <= 64 else { return nil }
        var parser = Parser(folder: self, end: range.upperBound, cursor: range.lowerBound, depth: depth)
        let value = parser.expression(&steps)
        return parser.cursor == range.upperBound ? value : nil
    }

    fileprivate func resolve(_ name: String, depth: Int, steps: inout Int) -> ConstantValue? {
        guard let range = declarations[name] else { return nil }
        return evaluate(range, depth: depth + 1, steps: &steps)
    }

    /// A precedence-climbing parser over one expression's tokens.
    private struct Parser {
        let folder: ConstantFolder
        let end: Int
        var cursor: Int
        let depth: Int

        private static let levels: [[String]] = [["||"], ["&&"], ["==", "!=", "===", "!=="], ["<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]]

        mutating func expression(_ steps: inout Int) -> ConstantValue? { binary(level: 0, &steps) }

        private func peek() -> String? {
            guard cursor < end else { return nil }
            return String(decoding: folder.bytes[folder.tokens[cursor].range], as: UTF8.self)
        }

        private mutating func binary(level: Int, _ steps: inout Int) -> ConstantValue? {
            guard level < Self.levels.count else { return unary(&steps) }
            guard var left = binary(level: level + 1, &steps) else { return nil }
            while let operation = peek(), folder.tokens[cursor].kind == .punctuation, Self.levels[level].contains(operation) {
                cursor += 1
                steps += 1
                guard steps < 512, let right = binary(level: level + 1, &steps),
                      let combined = Self.combine(left, operation, right) else { return nil }
                left = combined
            }
            return left
        }

        private mutating func unary(_ steps: inout Int) -> ConstantValue? {
            guard let word = peek() else { return nil }
            if folder.tokens[cursor].kind == .punctuation, word == "!" || word == "-" {
                cursor += 1
                switch (word, unary(&steps)) {
                case ("!", .boolean(let value)?): return .boolean(!value)
                case ("-", .integer(let value)?): return .integer(-value)
                default: return nil
                }
            }
            return postfix(&steps)
        }

        private mutating func postfix(_ steps: inout Int) -> ConstantValue? {
            guard var value = primary(&steps) else { return nil }
            // `"ABC".charAt(1)`, `s.length()`: the two string methods conditions fold through.
            while cursor + 2 < end, peek() == "." {
                let method = String(decoding: folder.bytes[folder.tokens[cursor + 1].range], as: UTF8.self)
                let open = cursor + 2
                guard folder.tokens[open].hasPartner, Int(folder.tokens[open].partner) < end, case .text(let text) = value else { return nil }
                let close = Int(folder.tokens[open].partner)
                switch method {
                case "charAt":
                    guard case .integer(let position)? = folder.evaluate((open + 1)..<close, depth: depth, steps: &steps),
                          position >= 0, position < text.count else { return nil }
                    value = .text([text[position]])
                case "length":
                    guard close == open + 1 else { return nil }
                    value = .integer(text.count)
                default:
                    return nil
                }
                cursor = close + 1
            }
            return value
        }

        private mutating func primary(_ steps: inout Int) -> ConstantValue? {
            guard cursor < end else { return nil }
            let token = folder.tokens[cursor]
            steps += 1
            switch token.kind {
            case .number:
                var digits = Array(folder.bytes[token.range])
                if let last = digits.last, last == UInt8(ascii: "L") || last == UInt8(ascii: "l") { digits.removeLast() }
                guard let value = Int(String(decoding: digits, as: UTF8.self)) else { return nil }
                cursor += 1
                return .integer(value)
            case .string:
                let content = (Int(token.start) + Int(token.contentStartOffset))..<(Int(token.end) - Int(token.contentEndTrim))
                let text = Array(folder.bytes[content])
                guard !text.contains(UInt8(ascii: "\\")) else { return nil }
                cursor += 1
                return .text(text)
            case .identifier:
                let name = String(decoding: folder.bytes[token.range], as: UTF8.self)
                cursor += 1
                if name == "true" || name == "True" { return .boolean(true) }
                if name == "false" || name == "False" { return .boolean(false) }
                return folder.resolve(name, depth: depth, steps: &steps)
            case .punctuation:
                guard token.hasPartner, Int(token.partner) < end, folder.bytes[Int(token.start)] == UInt8(ascii: "(") else { return nil }
                let close = Int(token.partner)
                let inner = folder.evaluate((cursor + 1)..<close, depth: depth, steps: &steps)
                cursor = close + 1
                return inner
            default:
                return nil
            }
        }

        private static func combine(_ left: ConstantValue, _ operation: String, _ right: ConstantValue) -> ConstantValue? {
            switch (left, right) {
            case (.integer(let a), .integer(let b)):
                switch operation {
                case "+": let (sum, overflow) = a.addingReportingOverflow(b); return overflow ? nil : .integer(sum)
                case "-": let (difference, overflow) = a.subtractingReportingOverflow(b); return overflow ? nil : .integer(difference)
                case "*": let (product, overflow) = a.multipliedReportingOverflow(by: b); return overflow ? nil : .integer(product)
                case "/": return b == 0 ? nil : .integer(a / b)
                case "%": return b == 0 ? nil : .integer(a % b)
                case "<": return .boolean(a < b)
                case ">": return .boolean(a > b)
                case "<=": return .boolean(a <= b)
                case ">=": return .boolean(a >= b)
                case "==", "===": return .boolean(a == b)
                case "!=", "!==": return .boolean(a != b)
                default: return nil
                }
            case (.boolean(let a), .boolean(let b)):
                switch operation {
                case "&&": return .boolean(a && b)
                case "||": return .boolean(a || b)
                case "==", "===": return .boolean(a == b)
                case "!=", "!==": return .boolean(a != b)
                default: return nil
                }
            case (.text(let a), .text(let b)):
                switch operation {
                case "==", "===": return .boolean(a == b)
                case "!=", "!==": return .boolean(a != b)
                default: return nil
                }
            default:
                return nil
            }
        }
    }
}
