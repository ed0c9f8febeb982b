#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackcheckModel

/// What a rule's `paths:` pattern meant before rules read ``PathPattern``s: `fnmatch(3)` without
/// flags over the root-relative path, where `*` also matched `/`. The loader refuses a pattern
/// whose meaning changed, so that a rule written for the old dialect does not silently select
/// other files.
///
/// Meaning is compared on probe paths built from the pattern itself: every wildcard replaced by
/// nothing, a name, or two names across a `/`, under zero to two parent directories and above
/// zero to two children. A probe the two dialects disagree on is the witness the error shows,
/// except where the new reading only adds what lies under a directory the old one selected
/// by name (`*Test.java` now also takes `FooTest.java/x`): that is how every pattern reads
/// directories now, not a change of what the pattern names.
enum LegacyPathGlob {
    /// A path the two readings of a pattern disagree on.
    struct Witness: Equatable {
        var path: String
        /// Whether the old reading selected `path` (the new one does the opposite).
        var selectedBefore: Bool
    }

    /// Whether `pattern` is read without the check: a leading `/` or `**` says the author means
    /// the new dialect, and a trailing `/` never matched a file under the old one.
    static func isExplicitlyNew(_ pattern: String) -> Bool {
        pattern.hasPrefix("/") || pattern.hasPrefix("**") || pattern.hasSuffix("/")
    }

    /// A path on which `pattern` meant something else under the old dialect, or nil when every
    /// probe agrees.
    static func witness(for pattern: String) -> Witness? {
        let current = PathPattern(pattern)
        return probes(for: pattern).lazy
            .filter { !agrees(pattern, current, $0) }
            .map { Witness(path: $0, selectedBefore: selectedBefore(pattern, $0)) }
            .first
    }

    /// A rewrite of `pattern` that selects in the new dialect what `pattern` selected in the old
    /// one, on the probes of both; nil when the simple rewrites do not.
    static func rewrite(of pattern: String) -> String? {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let crossing = segments.map { $0 == "*" ? "**" : String($0) }.joined(separator: "/")
        let inner = segments.count > 1 && segments.first == "*" ? "*/" + crossing : crossing
        let candidates = [crossing, inner, "/" + pattern, "**/" + crossing, "/" + crossing]
        return candidates.first { candidate in
            guard let rewritten = PathPattern(candidate) else { return false }
            return (probes(for: pattern) + probes(for: candidate)).allSatisfy { agrees(pattern, rewritten, $0) }
        }
    }

    /// Whether the old reading of `pattern` and `current` agree on `path`, up to the contents
    /// of directories the old reading selected by name.
    private static func agrees(_ pattern: String, _ current: PathPattern?, _ path: String) -> Bool {
        let before = selectedBefore(pattern, path)
        if before == (current?.selects(file: path) ?? false) { return true }
        return !before && path.indices.contains { path[$0] == "/" && selectedBefore(pattern, String(path[..<$0])) }
    }

    private static func selectedBefore(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, 0) == 0
    }

    /// The probe paths of `pattern`, at most a few thousand.
    static func probes(for pattern: String) -> [String] {
        var texts = [""]
        var characters = Array(pattern)[...]
        while let character = characters.popFirst() {
            let options: [String]
            switch character {
            case "*":
                while characters.first == "*" { characters.removeFirst() }
                options = ["", "x", "x/y"]
            case "?":
                options = ["x", "/"]
            case "[":
                let set = characters.prefix { $0 != "]" }
                characters = characters.dropFirst(set.count + 1)
                let negated = set.first == "!" || set.first == "^"
                options = [negated ? "~" : set.first.map(String.init) ?? "x", "/"]
            case "\\":
                options = [characters.popFirst().map(String.init) ?? ""]
            default:
                options = [String(character)]
            }
            let widened = texts.count * options.count > 512 ? Array(options.prefix(1)) : options
            texts = texts.flatMap { text in widened.map { text + $0 } }
        }
        var probes: [String] = []
        for text in texts {
            for prefix in ["", "d/", "d/e/"] {
                for suffix in ["", "/f", "/f/g"] {
                    // An empty wildcard beside a `/` leaves `//` or an outer `/`: try the path
                    // as written (when it is one) and with those slashes closed up.
                    let path = prefix + text + suffix
                    let closed = path.split(separator: "/").joined(separator: "/")
                    if !closed.isEmpty { probes.append(closed) }
                    if path != closed, !path.isEmpty, !path.hasPrefix("/"), !path.hasSuffix("/"), !path.contains("//") {
                        probes.append(path)
                    }
                }
            }
        }
        return probes
    }
}
