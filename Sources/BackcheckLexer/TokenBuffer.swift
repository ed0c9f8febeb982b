import BackcheckModel

/// The tokens of one source file: significant tokens, comments apart, and a line table.
public struct TokenBuffer: Sendable {
    /// The language the bytes were lexed as.
    public let language: Language
    /// Significant tokens in source order (no comments, no whitespace).
    public internal(set) var tokens: [Token]
    /// Comment tokens in source order.
    public internal(set) var comments: [Token]
    /// Where each line starts.
    public internal(set) var lineStarts: LineStarts
    /// Content ranges of heredoc strings (flag `.heredoc`), keyed by token index, in token order.
    public internal(set) var heredocContents: [(token: UInt32, content: Range<UInt32>)]

    public init(language: Language, tokens: [Token] = [], comments: [Token] = [], lineStarts: LineStarts = LineStarts(),
                heredocContents: [(token: UInt32, content: Range<UInt32>)] = []) {
        self.language = language
        self.tokens = tokens
        self.comments = comments
        self.lineStarts = lineStarts
        self.heredocContents = heredocContents
    }

    /// The byte range of a string token's content: inside the quotes, or a heredoc's body; for a
    /// `stringStart` token, everything between it and its `stringEnd`; for a `.regex`, the pattern
    /// between its delimiters (flags excluded). Other tokens: their whole range.
    public func contentRange(of index: Int) -> Range<Int> {
        let token = tokens[index]
        switch token.kind {
        case .string where token.flags.contains(.heredoc):
            var low = 0
            var high = heredocContents.count
            while low < high {
                let mid = (low + high) / 2
                if heredocContents[mid].token < index { low = mid + 1 } else { high = mid }
            }
            if low < heredocContents.count, heredocContents[low].token == index {
                let content = heredocContents[low].content
                return Int(content.lowerBound)..<Int(content.upperBound)
            }
            return token.range
        case .string, .regex:
            let lower = Int(token.start) + Int(token.contentStartOffset)
            let upper = max(lower, Int(token.end) - Int(token.contentEndTrim))
            return lower..<upper
        case .stringStart where token.hasPartner:
            return Int(token.end)..<Int(tokens[Int(token.partner)].start)
        default:
            return token.range
        }
    }
}
