extension TestBodyReader {
    /// The JAX-RS client API, as Jersey's and RESTEasy's test clients use it:
    /// `target(V1_TAG).path(uuid).request().header(…).put(entity)`, `.method("PATCH", entity)`,
    /// `.method(HttpMethod.PUT)`. The path comes from `target` and its `path` calls, the method
    /// from the verb that ends the chain; a target kept for later (no verb in the chain) is no
    /// request yet.
    func clientTargetRequest(at index: Int, line: Int) -> Request? {
        guard let close = source.close(index + 1), let argument = source.arguments(index + 1).first else { return nil }
        var path = pathExpression(argument)
        var query = false
        var cursor = close + 1
        while source.is(cursor, "."), source.isIdentifier(cursor + 1), source.is(cursor + 2, "("),
              let end = source.close(cursor + 2) {
            let call = source.text(cursor + 1)
            let arguments = source.arguments(cursor + 2)
            switch call {
            case "path":
                path = path.map { $0 + "/" + (arguments.first.flatMap { pathExpression($0) } ?? "{}") }
            case "queryParam", "queryParams":
                query = true
            case "method":
                let verb = arguments.first.flatMap(method) ?? "*"
                return request(verb, path, query: query, line: line)
            default:
                if Self.clientVerbs.contains(call) { return request(call.uppercased(), path, query: query, line: line) }
            }
            cursor = end + 1
        }
        return nil
    }

    /// Whether the call at `index` (a verb after `)`) ends a chain that opens with `target(…)`.
    func chainStartsWithTarget(before index: Int) -> Bool {
        var cursor = index - 1
        // Back over `.call(…)` links: `.request()`, `.header(…)`, `.path(…)`.
        for _ in 0..<16 {
            guard source.is(cursor, "."), let open = source.open(cursor - 1), source.isIdentifier(open - 1) else { return false }
            if source.is(open - 1, "target") { return true }
            cursor = open - 2
        }
        return false
    }

    private func request(_ verb: String, _ path: String?, query: Bool, line: Int) -> Request {
        guard let path, let normalized = Self.builtPath(path) else { return .unresolved(verb) }
        return .literal([TestRequest(method: verb, path: normalized, line: line, sendsQuery: query ? true : nil)])
    }

    /// The `SyncInvoker` methods that send the request.
    private static let clientVerbs: Set<String> = ["get", "post", "put", "delete", "head", "options"]
}
