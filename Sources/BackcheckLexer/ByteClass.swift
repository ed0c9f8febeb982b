/// Byte classification by arithmetic (no tables, so no lazy-global checks in the hot loop).
/// Bytes >= 0x80 count as identifier characters: UTF-8 is never decoded while lexing.
enum ByteClass {
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isIdentStart(_ b: UInt8) -> Bool { isLetter(b) || b == 0x5F || b >= 0x80 }
    @inline(__always) static func isIdentContinue(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }
    @inline(__always) static func isHorizontalSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0B }
    @inline(__always) static func isNewline(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { isHorizontalSpace(b) || isNewline(b) }
    /// Whether `b` may start whitespace or a comment: `\t \n \v \f \r`, space, `# - / = \\`. Lets the
    /// common case (a token right after a token) skip the trivia scanner's jump table.
    @inline(__always) static func mayStartTrivia(_ b: UInt8) -> Bool {
        let mask: UInt64 = 0x3E00 | 1 << 0x20 | 1 << 0x23 | 1 << 0x2D | 1 << 0x2F | 1 << 0x3D
        return b < 64 ? (mask >> UInt64(b)) & 1 != 0 : b == 0x5C
    }
    /// A metavariable name character in pattern mode: `[A-Z0-9_]`.
    @inline(__always) static func isMetaContinue(_ b: UInt8) -> Bool { isUpper(b) || isDigit(b) || b == 0x5F }
}

/// ASCII constants used across the scanners.
enum ASCII {
    static let tab = UInt8(ascii: "\t"), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
    static let bang = UInt8(ascii: "!"), dquote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), dollar = UInt8(ascii: "$")
    static let percent = UInt8(ascii: "%"), amp = UInt8(ascii: "&"), squote = UInt8(ascii: "'"), lparen = UInt8(ascii: "(")
    static let rparen = UInt8(ascii: ")"), star = UInt8(ascii: "*"), plus = UInt8(ascii: "+"), comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-"), dot = UInt8(ascii: "."), slash = UInt8(ascii: "/"), colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";"), lt = UInt8(ascii: "<"), equal = UInt8(ascii: "="), gt = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?"), at = UInt8(ascii: "@"), lbracket = UInt8(ascii: "["), backslash = UInt8(ascii: "\\")
    static let rbracket = UInt8(ascii: "]"), caret = UInt8(ascii: "^"), underscore = UInt8(ascii: "_"), backtick = UInt8(ascii: "`")
    static let lbrace = UInt8(ascii: "{"), pipe = UInt8(ascii: "|"), rbrace = UInt8(ascii: "}"), tilde = UInt8(ascii: "~")
}
