#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled gitignore glob, matched against UTF-8 bytes with git's `wildmatch` semantics
/// (`WM_PATHNAME`): `*`, `?` and classes never match `/`; `**` is special only as a whole
/// path component (`**/x`, `x/**`, `x/**/y`), anywhere else it is a plain `*`.
///
/// The pattern is compiled once; literal and `*suffix` patterns (most real gitignore lines)
/// skip the general matcher, and matching never allocates.
struct GlobMatcher: Sendable {
    private enum Kind: Sendable {
        case literal
        /// `*` followed by a literal: the text ends with it and the `*` part has no `/`.
        case suffix
        case wildcard
    }

    private let pattern: [UInt8]
    private let kind: Kind

    init(_ pattern: some Collection<UInt8>) {
        let bytes = Array(pattern)
        self.pattern = bytes
        if !bytes.contains(where: Self.isSpecial) {
            kind = .literal
        } else if bytes.first == Byte.star, !bytes.dropFirst().contains(where: { Self.isSpecial($0) || $0 == Byte.slash }) {
            kind = .suffix
        } else {
            kind = .wildcard
        }
    }

    /// Whether the whole of `text` matches the pattern.
    func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        pattern.withUnsafeBufferPointer { p in
            switch kind {
            case .literal:
                return text.count == p.count && (p.isEmpty || memcmp(text.baseAddress!, p.baseAddress!, p.count) == 0)
            case .suffix:
                let literal = p.count - 1
                guard text.count >= literal else { return false }
                let starPart = text.count - literal
                for i in 0..<starPart where text[i] == Byte.slash { return false }
                return literal == 0 || memcmp(text.baseAddress! + starPart, p.baseAddress! + 1, literal) == 0
            case .wildcard:
                return Wildmatch(pattern: p, text: text).run(0, 0) == .match
            }
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == Byte.star || byte == Byte.question || byte == Byte.openBracket || byte == Byte.backslash
    }
}
