import BackcheckLexer
import BackcheckModel

/// Turns pattern text into `PatternElement`s by lexing it with the target language's lexer.
package enum PatternCompiler {
    /// The metavariable names (`$NAME` → `NAME`) a pattern mentions, in any language's syntax.
    package static func metavariableNames(in pattern: String) -> [String] {
        var names: [String] = []
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "$" else {
                index += 1
                continue
            }
            // `$NAME`, or `$...NAME` (an ellipsis binding).
            var head = index + 1
            if head + 3 < scalars.count, scalars[head] == ".", scalars[head + 1] == ".", scalars[head + 2] == "." {
                head += 3
            }
            guard head < scalars.count, isMetavariableHead(scalars[head]) else {
                index += 1
                continue
            }
            var end = head + 1
            while end < scalars.count, isMetavariableBody(scalars[end]) { end += 1 }
            names.append(String(String.UnicodeScalarView(scalars[head..<end])))
            index = end
        }
        return names
    }

    /// Metavariables start with an upper-case letter, so PHP's `$_GET` stays a variable.
    private static func isMetavariableHead(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar)
    }

    private static func isMetavariableBody(_ scalar: Unicode.Scalar) -> Bool {
        isMetavariableHead(scalar) || ("0"..."9").contains(scalar)
    }

    /// Compiles `text` as a pattern of `language`. `metavariables` assigns indices to names.
    static func compile(_ text: String, language: Language, metavariables: inout [String]) -> [PatternElement] {
        let bytes = Array(text.utf8)
        let buffer = Lexer.tokenize(bytes, language: language, mode: .pattern)
        var builder = Builder(bytes: bytes, buffer: buffer, metavariables: metavariables)
        let elements = builder.sequence(0, buffer.tokens.count)
        metavariables = builder.metavariables
        return elements
    }

    private struct Builder {
        let bytes: [UInt8]
        let buffer: TokenBuffer
        var metavariables: [String]

        mutating func index(of name: String) -> Int {
            if let found = metavariables.firstIndex(of: name) { return found }
            metavariables.append(name)
            return metavariables.count - 1
        }

        func text(_ range: Range<Int>) -> [UInt8] { Array(bytes[range]) }

        func isText(_ token: Token, _ literal: String) -> Bool {
            bytes[token.range].elementsEqual(literal.utf8)
        }

        /// A metavariable name if the bytes are `$` + upper-case name, else nil.
        func metavariableName(_ range: Range<Int>) -> String? {
            let slice = bytes[range]
            guard slice.count >= 2, slice.first == UInt8(ascii: "$") else { return nil }
            let name = slice.dropFirst()
            guard let head = name.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(head),
                  name.allSatisfy({ $0 == UInt8(ascii: "_") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else { return nil }
            return String(decoding: name, as: UTF8.self)
        }

        /// `$...NAME` written without spaces, whatever tokens the language's lexer made of it.
        func ellipsisBinding(at index: Int, end: Int) -> (String, Int)? {
            let tokens = buffer.tokens
            let start = Int(tokens[index].start)
            guard bytes[start] == UInt8(ascii: "$"), bytes[start...].starts(with: "$...".utf8) else { return nil }
            guard start + 4 < bytes.count, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[start + 4]) else { return nil }
            var nameEnd = start + 4
            while nameEnd < bytes.count, bytes[nameEnd] == UInt8(ascii: "_")
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[nameEnd])
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[nameEnd]) {
                nameEnd += 1
            }
            guard nameEnd > start + 4 else { return nil }
            var consumed = 0
            while index + consumed < end, Int(tokens[index + consumed].start) < nameEnd { consumed += 1 }
            guard Int(tokens[index + consumed - 1].end) == nameEnd else { return nil }
            return (String(decoding: bytes[(start + 4)..<nameEnd], as: UTF8.self), consumed)
        }

        mutating func sequence(_ start: Int, _ end: Int) -> [PatternElement] {
            let tokens = buffer.tokens
            var elements: [PatternElement] = []
            var index = start
            while index < end {
                let token = tokens[index]
                let pairedEnd = token.hasPartner && Int(token.partner) > index && Int(token.partner) < end ? Int(token.partner) : nil
                if let (name, consumed) = ellipsisBinding(at: index, end: end) {
                    elements.append(.ellipsisBinding(self.index(of: name)))
                    index += consumed
                    continue
                }
                switch token.kind {
                case .punctuation where isText(token, "..."):
                    if index + 1 < end, isText(tokens[index + 1], ",") {
                        elements.append(.ellipsisComma)
                        index += 2
                    } else {
                        elements.append(.ellipsis)
                        index += 1
                    }
                case .punctuation where isText(token, ",") && index + 1 < end && isText(tokens[index + 1], "..."):
                    elements.append(.commaEllipsis)
                    index += 2
                case .punctuation where pairedEnd != nil:
                    elements.append(.group(bytes[Int(token.start)], sequence(index + 1, pairedEnd!)))
                    index = pairedEnd! + 1
                    if isFunctionHeader(elements), index < end, isText(tokens[index], ":") {
                        elements.append(.optionalReturnAnnotation)
                    }
                case .blockOpen where pairedEnd != nil:
                    elements.append(.block(sequence(index + 1, pairedEnd!)))
                    index = pairedEnd! + 1
                case .stringStart where pairedEnd != nil:
                    elements.append(.interpolatedString(stringParts(index + 1, pairedEnd!)))
                    index = pairedEnd! + 1
                case .string:
                    let content = buffer.contentRange(of: index)
                    if bytes[content].elementsEqual("...".utf8) {
                        elements.append(.anyString)
                    } else if let name = metavariableName(content) {
                        elements.append(.bindString(self.index(of: name)))
                    } else {
                        elements.append(.exactString(PatternLiteral(text(content))))
                    }
                    index += 1
                case .identifier:
                    if let name = metavariableName(token.range) {
                        elements.append(.metavariable(self.index(of: name)))
                    } else {
                        elements.append(.token(.identifier, PatternLiteral(text(token.range))))
                    }
                    index += 1
                case .blockClose, .stringEnd, .interpolationClose, .comment:
                    index += 1
                default:
                    elements.append(.token(token.kind, PatternLiteral(text(token.range))))
                    index += 1
                }
            }
            return elements
        }

        /// Whether `elements` end in `def NAME (…)`, a Python function header before its `:`.
        private func isFunctionHeader(_ elements: [PatternElement]) -> Bool {
            guard elements.count >= 3, case .group(UInt8(ascii: "("), _) = elements[elements.count - 1],
                  case .token(.identifier, let keyword) = elements[elements.count - 3],
                  keyword.bytes.elementsEqual("def".utf8) else { return false }
            switch elements[elements.count - 2] {
            case .token(.identifier, _), .metavariable: return true
            default: return false
            }
        }

        /// The inside of an interpolated pattern string: `...` text parts become ellipses.
        mutating func stringParts(_ start: Int, _ end: Int) -> [PatternElement] {
            let tokens = buffer.tokens
            var parts: [PatternElement] = []
            var index = start
            while index < end {
                let token = tokens[index]
                switch token.kind {
                case .stringSegment:
                    let segment = bytes[token.range]
                    if segment.elementsEqual("...".utf8) {
                        parts.append(.ellipsis)
                    } else {
                        parts.append(.stringText(PatternLiteral(segment)))
                    }
                    index += 1
                case .interpolationOpen where token.hasPartner && Int(token.partner) < end:
                    let close = Int(token.partner)
                    parts.append(.interpolation(sequence(index + 1, close)))
                    index = close + 1
                default:
                    index += 1
                }
            }
            return parts
        }
    }
}
