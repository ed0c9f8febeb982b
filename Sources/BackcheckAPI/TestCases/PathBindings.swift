/// Request paths a test file keeps in names: `self.url = f"/checks/{code}/"` in `setUp`, a class
/// attribute `URL = "/api/v1/checks/"`, a local `url = "/orders"`. A request through the name
/// (`self.client.get(self.url)`) asks for the path last assigned to it before the request, which
/// is the binding of the test's own class or body in the usual layout.
struct PathBindings {
    private var assignments: [String: [(position: Int, path: String)]] = [:]

    /// One pass over the file: `NAME = "/…"` and `self.NAME = "/…"` (`this.`, `@` alike), with the
    /// string the whole right-hand side.
    init(_ source: SourceTokens) {
        for index in 1..<max(source.count, 1) where source.is(index, "=") && source.isIdentifier(index - 1) {
            guard let text = source.string(index + 1), text.hasPrefix("/"),
                  Self.endsStatement(source.afterString(index + 1), in: source),
                  let path = TestBodyReader.requestPath(text) else { continue }
            let name = Self.name(endingAt: index - 1, in: source)
            assignments[name, default: []].append((index, path))
        }
    }

    /// The names written as constants (``TestPathConstants/isConstantName(_:)``) that the file
    /// binds to one path, whatever the place.
    var constants: [String: String] {
        var result: [String: String] = [:]
        for (name, bound) in assignments where TestPathConstants.isConstantName(name) {
            if let path = bound.first?.path, bound.allSatisfy({ $0.path == path }) { result[name] = path }
        }
        return result
    }

    /// The path `argument` names (`self.url`, `URL`), as last assigned before it; nil when the
    /// argument is no bound name.
    func path(of argument: Range<Int>, in source: SourceTokens) -> String? {
        guard !assignments.isEmpty, source.isIdentifier(argument.upperBound - 1) else { return nil }
        let name = Self.name(endingAt: argument.upperBound - 1, in: source)
        guard Self.tokenCount(of: name) == argument.count else { return nil }
        // `self.URL` also reads the class attribute `URL`.
        let bound = assignments[name] ?? name.split(separator: ".").last.flatMap { name.contains(".") ? assignments[String($0)] : nil }
        return bound?.last { $0.position < argument.lowerBound }?.path
    }

    /// `url`, or `self.url` / `this.url` when the identifier is a member of the receiver.
    private static func name(endingAt index: Int, in source: SourceTokens) -> String {
        let last = source.text(index)
        if source.is(index - 1, "."), ["self", "this", "cls"].contains(source.text(index - 2)) {
            return source.text(index - 2) + "." + last
        }
        return last
    }

    /// Whether the string ends its statement: a path built on (`"/x" + id`) is no binding.
    private static func endsStatement(_ next: Int, in source: SourceTokens) -> Bool {
        next >= source.count || source.tokens[next].flags.contains(.startsLine) || source.tokens[next].kind == .blockClose
            || source.is(next, ";")
    }

    private static func tokenCount(of name: String) -> Int { name.contains(".") ? 3 : 1 }
}
