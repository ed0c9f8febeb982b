import BackcheckLexer
import BackcheckModel
import Testing

/// Structural properties every token buffer must have, whatever the input.
enum TokenInvariants {
    /// Returns a description of the first violation, or nil.
    static func violation(in buffer: TokenBuffer, count: Int) -> String? {
        if let problem = checkOrder(buffer.tokens, count: count, lineStarts: buffer.lineStarts, name: "token") { return problem }
        if let problem = checkOrder(buffer.comments, count: count, lineStarts: buffer.lineStarts, name: "comment") { return problem }
        let tokens = buffer.tokens
        for (i, token) in tokens.enumerated() where token.hasPartner {
            let j = Int(token.partner)
            guard j < tokens.count, j != i else { return "token \(i): partner \(j) out of range" }
            guard tokens[j].partner == UInt32(i) else { return "token \(i): partner \(j) does not point back" }
            let (open, close) = i < j ? (tokens[i], tokens[j]) : (tokens[j], tokens[i])
            guard matches(open.kind, close.kind) else { return "token \(i): \(open.kind) paired with \(close.kind)" }
        }
        for (i, token) in tokens.enumerated() where token.flags.contains(.unbalanced) && token.hasPartner {
            return "token \(i): unbalanced but partnered"
        }
        var previous = -1
        for entry in buffer.heredocContents {
            let index = Int(entry.token)
            guard index > previous, index < tokens.count else { return "heredoc entry \(index) out of order" }
            guard tokens[index].flags.contains(.heredoc) else { return "heredoc entry \(index) on a non-heredoc token" }
            guard Int(entry.content.upperBound) <= count else { return "heredoc content past the end" }
            previous = index
        }
        for i in tokens.indices where tokens[i].kind == .string {
            let range = buffer.contentRange(of: i)
            guard range.lowerBound >= 0, range.upperBound <= count, range.lowerBound <= range.upperBound else {
                return "token \(i): content range \(range) outside the input"
            }
        }
        return nil
    }

    private static func checkOrder(_ tokens: [Token], count: Int, lineStarts: LineStarts, name: String) -> String? {
        var lastEnd: UInt32 = 0
        var lastLine: UInt32 = 1
        for (i, token) in tokens.enumerated() {
            guard Int(token.end) <= count else { return "\(name) \(i): ends at \(token.end) past \(count)" }
            guard token.start >= lastEnd else { return "\(name) \(i): starts at \(token.start) before previous end \(lastEnd)" }
            guard token.line >= lastLine else { return "\(name) \(i): line \(token.line) before \(lastLine)" }
            guard Int(token.line) == lineStarts.line(ofByte: Int(token.start)) else {
                return "\(name) \(i): line \(token.line), expected \(lineStarts.line(ofByte: Int(token.start)))"
            }
            lastEnd = token.end
            lastLine = token.line
        }
        return nil
    }

    private static func matches(_ open: TokenKind, _ close: TokenKind) -> Bool {
        switch (open, close) {
        case (.punctuation, .punctuation), (.stringStart, .stringEnd), (.interpolationOpen, .interpolationClose),
             (.blockOpen, .blockClose):
            true
        default:
            false
        }
    }
}
