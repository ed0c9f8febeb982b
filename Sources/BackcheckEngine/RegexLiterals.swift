/// The literal text any match of a regex must contain, found from its source conservatively, so
/// a constraint can reject most candidates with a substring search instead of running the regex
/// engine (gitleaks prefilters its regexes with keywords the same way).
enum RegexLiterals {
    /// The alternatives of a group body, split on `|` outside nested groups and classes.
    private static func topLevelBranches(_ body: String) -> [String] {
        var branches: [String] = []
        var current = ""
        var depth = 0
        var inClass = false
        var escaped = false
        for char in body {
            if escaped {
                current.append(char)
                escaped = false
                continue
            }
            switch char {
            case "\\": escaped = true
            case "[": inClass = true
            case "]": inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where !inClass && depth == 0:
                branches.append(current)
                current = ""
                continue
            default: break
            }
            current.append(char)
        }
        branches.append(current)
        return branches
    }

    /// What a group's body matches, its `(?…)` prefix removed: a non-capturing group `(?:x)`, a
    /// scoped-flag group `(?i:x)` / `(?-i:x)` (its literal compared case-insensitively anyway) or
    /// a named one `(?<n>x)` / `(?P<n>x)`; nil for lookarounds and other constructs, which
    /// require nothing of the text.
    private static func groupContent(_ body: String) -> String? {
        guard body.hasPrefix("?") else { return body }
        let rest = body.dropFirst()
        if let colon = rest.firstIndex(of: ":"), rest[..<colon].allSatisfy({ $0.isLetter || $0 == "-" }) {
            return String(rest[rest.index(after: colon)...])
        }
        let named = rest.hasPrefix("P<") ? rest.dropFirst(2) : rest.hasPrefix("<") ? rest.dropFirst() : nil
        if let named, let first = named.first, first.isLetter, let close = named.firstIndex(of: ">") {
            return String(named[named.index(after: close)...])
        }
        return nil
    }

    /// Lower-cased alternatives, one of which every match contains; nil when nothing is certain
    /// (top-level `|`, extended mode, or no literal of at least three characters).
    static func required(in source: String) -> [[UInt8]]? {
        var pattern = Substring(source)
        while pattern.hasPrefix("(?") , let close = pattern.firstIndex(of: ")"),
              pattern[pattern.index(pattern.startIndex, offsetBy: 2)..<close].allSatisfy({ $0.isLetter || $0 == "-" }) {
            if pattern[..<close].contains("x") { return nil }
            pattern = pattern[pattern.index(after: close)...]
        }
        let chars = Array(pattern)
        var best: [[UInt8]]?
        var run: [Character] = []
        var index = 0
        func consider(_ candidate: [[UInt8]]) {
            guard candidate.allSatisfy({ $0.count >= 3 }) else { return }
            let weakest = candidate.map(\.count).min() ?? 0
            if best == nil || weakest > (best!.map(\.count).min() ?? 0) { best = candidate }
        }
        func endRun() {
            if !run.isEmpty { consider([Array(String(run).lowercased().utf8)]) }
            run = []
        }
        /// Whether the item ending before `position` may repeat zero times.
        func optional(at position: Int) -> Bool {
            guard position < chars.count else { return false }
            switch chars[position] {
            case "?", "*": return true
            case "{": return position + 1 < chars.count && chars[position + 1] == "0"
            default: return false
            }
        }
        func quantified(at position: Int) -> Bool {
            guard position < chars.count else { return false }
            return "?*+{".contains(chars[position])
        }
        while index < chars.count {
            let char = chars[index]
            switch char {
            case "|":
                return nil
            case "\\":
                guard index + 1 < chars.count else { return best }
                let escaped = chars[index + 1]
                index += 2
                if escaped.isLetter || escaped.isNumber {
                    endRun()
                } else if quantified(at: index) {
                    endRun()
                } else {
                    run.append(escaped)
                }
                continue
            case "[":
                endRun()
                index += 1
                if index < chars.count, chars[index] == "]" { index += 1 }
                while index < chars.count, chars[index] != "]" {
                    index += chars[index] == "\\" ? 2 : 1
                }
                index += 1
                continue
            case "(":
                endRun()
                var depth = 1
                var end = index + 1
                while end < chars.count, depth > 0 {
                    if chars[end] == "\\" { end += 2; continue }
                    if chars[end] == "(" { depth += 1 } else if chars[end] == ")" { depth -= 1 }
                    end += 1
                }
                let body = String(chars[(index + 1)..<max(index + 1, end - 1)])
                if !optional(at: end), let plain = groupContent(body) {
                    // Each branch must contribute what it requires; the group requires one of
                    // them. (Splitting on `|` at the top of the group only.)
                    var branchRequirements: [[UInt8]] = []
                    var complete = true
                    for branch in topLevelBranches(plain) {
                        guard let inner = required(in: branch) else {
                            complete = false
                            break
                        }
                        branchRequirements += inner
                    }
                    if complete, !branchRequirements.isEmpty { consider(branchRequirements) }
                }
                index = end
                continue
            case ".", "^", "$":
                endRun()
            case "?", "*", "+", "{":
                // The quantifier applies to the last character of the run only.
                if !run.isEmpty { run.removeLast() }
                endRun()
                if char == "{" { while index < chars.count, chars[index] != "}" { index += 1 } }
            default:
                if quantified(at: index + 1) {
                    endRun()
                } else {
                    run.append(char)
                }
            }
            index += 1
        }
        endRun()
        return best
    }
}
