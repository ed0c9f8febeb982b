/// Rejects regular expressions whose matching time can explode: a group repeated without bound
/// whose body is one unbounded repetition and nothing else it must match (`(a+)+`, `(\w+\s?)*`,
/// `((ab)*)+`), the shape behind catastrophic backtracking, since each iteration can split the
/// same text in exponentially many ways. A body with a part it must match every time
/// (`(?:::[A-Z]\w*)*`, `(_[A-Z0-9]+)+`) splits text one way and is fine. ICU's matcher, behind
/// `NSRegularExpression`, cannot be interrupted, so the loader refuses such a regex with its
/// rule's file and line instead of letting it stall an audit.
package enum RegexSafety {
    /// The offending group of `source`, or nil when it has none.
    package static func nestedRepetition(in source: String) -> String? {
        var parser = Parser(characters: Array(source.utf8))
        return parser.findDanger()
    }

    private struct Atom {
        var range: Range<Int>
        var minimum: Int
        var unbounded: Bool
        /// For a group: whether its body is a lone unbounded repetition (see the type's doc).
        var bodyRepeatsAlone: Bool
    }

    private struct Parser {
        let characters: [UInt8]
        var index = 0
        var danger: String?

        init(characters: [UInt8]) { self.characters = characters }

        mutating func findDanger() -> String? {
            _ = alternatives(until: nil)
            return danger
        }

        /// Parses alternatives up to `close` (or the end); returns whether some alternative is a
        /// lone unbounded repetition.
        private mutating func alternatives(until close: UInt8?) -> Bool {
            var atoms: [Atom] = []
            var repeatsAlone = false
            while index < characters.count {
                let character = characters[index]
                if let close, character == close { break }
                if character == UInt8(ascii: "|") {
                    repeatsAlone = repeatsAlone || Self.isLoneRepetition(atoms)
                    atoms.removeAll()
                    index += 1
                    continue
                }
                guard var atom = self.atom() else { continue }
                quantifier(&atom)
                if atom.unbounded, atom.bodyRepeatsAlone, danger == nil {
                    danger = String(decoding: characters[atom.range], as: UTF8.self)
                }
                atoms.append(atom)
            }
            return repeatsAlone || Self.isLoneRepetition(atoms)
        }

        /// One unbounded atom, everything else optional.
        private static func isLoneRepetition(_ atoms: [Atom]) -> Bool {
            let repeating = atoms.filter { $0.unbounded || ($0.bodyRepeatsAlone && $0.minimum > 0) }
            return repeating.count == 1 && atoms.allSatisfy { $0.minimum == 0 || $0.unbounded || $0.bodyRepeatsAlone }
        }

        private mutating func atom() -> Atom? {
            let start = index
            let character = characters[index]
            switch character {
            case UInt8(ascii: "\\"):
                index = min(characters.count, index + 2)
            case UInt8(ascii: "["):
                index += 1
                if index < characters.count, characters[index] == UInt8(ascii: "^") { index += 1 }
                if index < characters.count, characters[index] == UInt8(ascii: "]") { index += 1 }
                while index < characters.count, characters[index] != UInt8(ascii: "]") {
                    index += characters[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                index = min(characters.count, index + 1)
            case UInt8(ascii: "("):
                index += 1
                // `(?:`, `(?i:`, `(?<name>`: the group's options are not part of its body.
                if index < characters.count, characters[index] == UInt8(ascii: "?") {
                    while index < characters.count, characters[index] != UInt8(ascii: ":"), characters[index] != UInt8(ascii: ")"),
                          characters[index] != UInt8(ascii: ">") {
                        index += 1
                    }
                    if index < characters.count, characters[index] != UInt8(ascii: ")") { index += 1 }
                }
                let alone = alternatives(until: UInt8(ascii: ")"))
                index = min(characters.count, index + 1)
                return Atom(range: start..<index, minimum: 1, unbounded: false, bodyRepeatsAlone: alone)
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                index += 1
                return Atom(range: start..<index, minimum: 0, unbounded: false, bodyRepeatsAlone: false)
            default:
                index += 1
            }
            return Atom(range: start..<index, minimum: 1, unbounded: false, bodyRepeatsAlone: false)
        }

        /// Reads a quantifier after `atom`, if any: `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each
        /// perhaps lazy or possessive.
        private mutating func quantifier(_ atom: inout Atom) {
            guard index < characters.count else { return }
            switch characters[index] {
            case UInt8(ascii: "*"): (atom.minimum, atom.unbounded) = (0, true); index += 1
            case UInt8(ascii: "+"): atom.unbounded = true; index += 1
            case UInt8(ascii: "?"): atom.minimum = 0; index += 1
            case UInt8(ascii: "{"):
                guard let close = characters[index...].firstIndex(of: UInt8(ascii: "}")) else { return }
                let inside = String(decoding: characters[(index + 1)..<close], as: UTF8.self)
                let bounds = inside.split(separator: ",", omittingEmptySubsequences: false)
                guard let low = Int(bounds.first ?? "") else { return }
                if low == 0 { atom.minimum = 0 }
                atom.unbounded = bounds.count == 2 && bounds[1].isEmpty
                index = close + 1
            default:
                return
            }
            atom.range = atom.range.lowerBound..<index
            if index < characters.count, characters[index] == UInt8(ascii: "?") || characters[index] == UInt8(ascii: "+") { index += 1 }
        }
    }
}
