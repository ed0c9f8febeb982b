extension TestBodyReader {
    /// The path an argument builds from pieces: `V1_PROJECT + "/" + uuid + "/property"`,
    /// `"%s/%s/property".formatted(V1_COMPONENT, uuid)`, `String.format("%s/x", BASE)`. A name the
    /// file binds to a path is that path; a constant's name it does not bind (`V1_TAG`, kept in a
    /// base test class) is left as `${V1_TAG}` for the project's constants to fill in
    /// (``TestPathConstants``); anything else is `{}`. Nil unless the expression starts with a
    /// path or a name of one, so that `user.getId()` is no path.
    func pathExpression(_ range: Range<Int>) -> String? {
        guard !range.isEmpty, range.count <= 64 else { return nil }
        if let formatted = formattedPath(range) { return formatted }
        var text = ""
        var index = range.lowerBound
        var first = true
        while index < range.upperBound {
            let term = termEnd(from: index, limit: range.upperBound)
            guard let piece = pathPiece(index..<term, leading: first) else { return nil }
            text += piece
            first = false
            guard term < range.upperBound else { break }
            guard source.is(term, "+") else { return nil }
            index = term + 1
        }
        return text.isEmpty ? nil : text
    }

    /// ``requestPath(_:)`` of a built path, which may open with a constant (`${V1_TAG}/{}`).
    static func builtPath(_ built: String) -> String? {
        requestPath(built.hasPrefix("${") ? "/" + built : built)
    }

    /// `"fmt".formatted(args)` (Java 15+) or `String.format("fmt", args)`: the format with each
    /// `%s`/`%d` replaced by its argument's piece.
    private func formattedPath(_ range: Range<Int>) -> String? {
        let start = range.lowerBound
        var format: String?
        var values: ArraySlice<Range<Int>> = []
        if source.string(start) != nil, source.is(source.afterString(start), "."),
           source.is(source.afterString(start) + 1, "formatted"), source.is(source.afterString(start) + 2, "(") {
            format = source.string(start)
            values = source.arguments(source.afterString(start) + 2)[...]
        } else if source.is(start, "String"), source.is(start + 1, "."), source.is(start + 2, "format"), source.is(start + 3, "(") {
            let arguments = source.arguments(start + 3)
            format = arguments.first.flatMap { source.string($0.lowerBound) }
            values = arguments.dropFirst()
        }
        guard let format else { return nil }
        var text = ""
        var rest = Substring(format)
        while let percent = rest.firstIndex(of: "%") {
            text += rest[..<percent]
            let after = rest.index(after: percent)
            guard after < rest.endIndex else { break }
            if "sd".contains(rest[after]) {
                text += values.first.flatMap { pathPiece($0, leading: false) } ?? "{}"
                values = values.dropFirst()
            } else {
                text += "%" + String(rest[after])
            }
            rest = rest[rest.index(after: after)...]
        }
        return text + rest
    }

    /// Where the term starting at `index` ends: before a top-level `+`, or at `limit`.
    private func termEnd(from index: Int, limit: Int) -> Int {
        var cursor = index
        while cursor < limit, !source.is(cursor, "+") {
            cursor = source.close(cursor).map { $0 + 1 } ?? source.afterString(cursor)
        }
        return cursor
    }

    /// One term's text: a literal's, a bound name's path, `${NAME}` for a constant's name, `{}`
    /// for any other value; nil when the leading term is none of the first three.
    private func pathPiece(_ term: Range<Int>, leading: Bool) -> String? {
        if let text = source.string(term.lowerBound), source.afterString(term.lowerBound) == term.upperBound { return text }
        if let path = bindings.path(of: term, in: source) { return path }
        if term.count == 1, source.isIdentifier(term.lowerBound), TestPathConstants.isConstantName(source.text(term.lowerBound)) {
            return "${" + source.text(term.lowerBound) + "}"
        }
        return leading ? nil : "{}"
    }
}
