/// The match condition of a rule as written in YAML, before compilation.
public indirect enum Formula: Sendable, Hashable {
    /// A pattern in the rule's language, with the YAML line it came from.
    case pattern(String, line: Int)
    /// One of the formulas matches.
    case any([Formula])
    /// The first positive formula matches and every other positive one matches inside it;
    /// `not`/`inside`/`notInside` members filter.
    case all([Formula])
    /// Drops matches overlapping a match of the formula (only meaningful inside `all`).
    case not(Formula)
    /// Keeps matches lying inside a match of the formula (only meaningful inside `all`).
    case inside(Formula)
    /// Drops matches lying inside a match of the formula (only meaningful inside `all`).
    case notInside(Formula)
    /// Drops every match when the formula matches anywhere in the file (only meaningful inside
    /// `all`): a fact of the whole file, such as the in-memory database its queries run on.
    case notInFile(Formula)
    /// Matches of `sinks` reached, within one function, by a value from `sources` that passed
    /// through no `sanitizers`; a name a `guards` match tests is clean from that test on.
    case taint(sources: [Formula], sinks: [Formula], sanitizers: [Formula], guards: [Formula])

    /// Every pattern string in the formula, positive or not.
    package var patterns: [(text: String, line: Int)] {
        switch self {
        case .pattern(let text, let line): [(text, line)]
        case .any(let items), .all(let items): items.flatMap(\.patterns)
        case .not(let inner), .inside(let inner), .notInside(let inner), .notInFile(let inner): inner.patterns
        case .taint(let sources, let sinks, let sanitizers, let guards): (sources + sinks + sanitizers + guards).flatMap(\.patterns)
        }
    }

    /// Whether the formula is a taint rule's: `taint`, or `all` whose first positive member is.
    package var isTaint: Bool {
        switch self {
        case .taint: true
        case .all(let items): items.first(where: \.isPositive)?.isTaint ?? false
        default: false
        }
    }

    /// Whether the formula can produce matches by itself (it is not a pure filter).
    package var isPositive: Bool {
        switch self {
        case .pattern, .any, .all, .taint: true
        case .not, .inside, .notInside, .notInFile: false
        }
    }
}
