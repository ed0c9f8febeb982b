/// A port of git's `wildmatch.c` (`dowild` with `WM_PATHNAME`, case-sensitive) to byte buffers,
/// so that our answers agree with `git check-ignore` on every corner: escapes, unterminated
/// classes, `[:alpha:]` classes and the `**` abort rules that keep matching polynomial.
struct Wildmatch {
    enum Result: Equatable {
        case match, noMatch
        /// No later start position can match: stop trying.
        case abortAll
        /// A single `*` hit a `/`: only an enclosing `**` may try further.
        case abortToStarStar
    }

    let pattern: UnsafeBufferPointer<UInt8>
    let text: UnsafeBufferPointer<UInt8>

    /// The pattern byte at `i`, or 0 past the end (git works on NUL-terminated strings).
    private func p(_ i: Int) -> UInt8 { i < pattern.count ? pattern[i] : 0 }
    private func t(_ i: Int) -> UInt8 { i < text.count ? text[i] : 0 }

    func run(_ patternStart: Int, _ textStart: Int) -> Result {
        var pi = patternStart
        var ti = textStart
        while pi < pattern.count {
            let tch = t(ti)
            if ti >= text.count, pattern[pi] != Byte.star { return .abortAll }
            switch pattern[pi] {
            case Byte.backslash:
                pi += 1
                if tch != p(pi) { return .noMatch }
            case Byte.question:
                if tch == Byte.slash { return .noMatch }
            case Byte.star:
                switch star(&pi, &ti) {
                case .some(let result): return result
                case .none: break
                }
            case Byte.openBracket:
                if let failure = bracket(&pi, tch) { return failure }
            case let pch:
                if tch != pch { return .noMatch }
            }
            pi += 1
            ti += 1
        }
        return ti >= text.count ? .match : .noMatch
    }

    /// Handles a `*` run at `pi`. Returns the final result, or nil after consuming up to (and
    /// leaving `pi`/`ti` on) a `/` that the main loop then steps over.
    private func star(_ pi: inout Int, _ ti: inout Int) -> Result? {
        pi += 1
        var matchSlash = false
        if p(pi) == Byte.star {
            let before = pi - 2
            while p(pi) == Byte.star { pi += 1 }
            let next = p(pi)
            let wholeComponent = (before < 0 || pattern[before] == Byte.slash)
                && (pi >= pattern.count || next == Byte.slash || (next == Byte.backslash && p(pi + 1) == Byte.slash))
            if wholeComponent {
                // `**/` may match no directory at all: try the rest right here first.
                if next == Byte.slash, run(pi + 1, ti) == .match { return .match }
                matchSlash = true
            }
        }
        if pi >= pattern.count {
            if !matchSlash {
                for i in ti..<max(ti, text.count) where text[i] == Byte.slash { return .noMatch }
            }
            return .match
        }
        if !matchSlash, pattern[pi] == Byte.slash {
            var slash = ti
            while slash < text.count, text[slash] != Byte.slash { slash += 1 }
            if slash >= text.count { return .noMatch }
            ti = slash
            return nil
        }
        var tch = t(ti)
        while ti < text.count {
            let pch = pattern[pi]
            if !Self.isGlobSpecial(pch) {
                // Skip ahead to the next occurrence of the literal that follows the star.
                while ti < text.count, matchSlash || text[ti] != Byte.slash, text[ti] != pch { ti += 1 }
                tch = t(ti)
                if tch != pch { return .noMatch }
            }
            let result = run(pi, ti)
            if result != .noMatch {
                if !matchSlash || result != .abortToStarStar { return result }
            } else if !matchSlash, tch == Byte.slash {
                return .abortToStarStar
            }
            ti += 1
            tch = t(ti)
        }
        return .abortAll
    }

    /// Matches `tch` against the class opening at `pi`; leaves `pi` on its `]`.
    /// Returns nil on a match, else the failure.
    private func bracket(_ pi: inout Int, _ tch: UInt8) -> Result? {
        pi += 1
        var pch = p(pi)
        if pch == Byte.caret { pch = Byte.bang }
        let negated = pch == Byte.bang
        if negated {
            pi += 1
            pch = p(pi)
        }
        var previous: UInt8 = 0
        var matched = false
        repeat {
            if pch == 0 { return .abortAll }
            if pch == Byte.backslash {
                pi += 1
                pch = p(pi)
                if pch == 0 { return .abortAll }
                if tch == pch { matched = true }
            } else if pch == Byte.dash, previous != 0, p(pi + 1) != 0, p(pi + 1) != Byte.closeBracket {
                pi += 1
                pch = p(pi)
                if pch == Byte.backslash {
                    pi += 1
                    pch = p(pi)
                    if pch == 0 { return .abortAll }
                }
                if tch <= pch, tch >= previous { matched = true }
                pch = 0
            } else if pch == Byte.openBracket, p(pi + 1) == Byte.colon {
                let nameStart = pi + 2
                var end = nameStart
                while p(end) != 0, p(end) != Byte.closeBracket { end += 1 }
                if p(end) == 0 { return .abortAll }
                if end - nameStart - 1 < 0 || pattern[end - 1] != Byte.colon {
                    // No `:]`: the `[` is an ordinary member of the set.
                    pi = nameStart - 2
                    pch = Byte.openBracket
                    if tch == pch { matched = true }
                } else {
                    let name = UnsafeBufferPointer(rebasing: pattern[nameStart..<(end - 1)])
                    guard let member = Self.characterClass(name, contains: tch) else { return .abortAll }
                    if member { matched = true }
                    pi = end
                    pch = 0
                }
            } else if tch == pch {
                matched = true
            }
            previous = pch
            pi += 1
            pch = p(pi)
        } while pch != Byte.closeBracket
        if matched == negated || tch == Byte.slash { return .noMatch }
        return nil
    }

    private static func isGlobSpecial(_ byte: UInt8) -> Bool {
        byte == Byte.star || byte == Byte.question || byte == Byte.openBracket || byte == Byte.backslash
    }

    /// POSIX `[:name:]` membership in the C locale, or nil for an unknown name (git then
    /// rejects the whole pattern).
    private static func characterClass(_ name: UnsafeBufferPointer<UInt8>, contains c: UInt8) -> Bool? {
        let isUpper = c >= 0x41 && c <= 0x5A
        let isLower = c >= 0x61 && c <= 0x7A
        let isDigit = c >= 0x30 && c <= 0x39
        let isGraph = c > 0x20 && c < 0x7F
        switch String(decoding: name, as: UTF8.self) {
        case "alnum": return isUpper || isLower || isDigit
        case "alpha": return isUpper || isLower
        case "blank": return c == 0x20 || c == 0x09
        case "cntrl": return c < 0x20 || c == 0x7F
        case "digit": return isDigit
        case "graph": return isGraph
        case "lower": return isLower
        case "print": return isGraph || c == 0x20
        case "punct": return isGraph && !(isUpper || isLower || isDigit)
        case "space": return c == 0x20 || (c >= 0x09 && c <= 0x0D)
        case "upper": return isUpper
        case "xdigit": return isDigit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
        default: return nil
        }
    }
}
