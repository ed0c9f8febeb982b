/// Paths test files keep in constants that other test files use: `protected final String
/// V1_TAG = "/v1/tag";` in a base test class, `API_PREFIX = "/api/v2"` in a shared module. A
/// request a file builds from a constant it does not define (`${V1_TAG}/{}`) is resolved against
/// every test file's constants once all are read; a name defined with different paths, or
/// nowhere, leaves the request computed (it may reach any route of its method).
enum TestPathConstants {
    /// Whether `name` is written as a constant (`V1_TAG`, `BASE_URL`): locals and fields named
    /// `url` are too common to look up across files.
    static func isConstantName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first), name.count >= 2 else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// `facts` with each request's `${NAME}` replaced by the path its name stands for across the
    /// test files.
    static func resolving(_ facts: [APIFileFacts]) -> [APIFileFacts] {
        guard facts.contains(where: { file in
            file.tests?.tests.contains { test in test.requests.contains { $0.path.contains("${") } } == true
        }) else { return facts }
        var values: [String: Set<String>] = [:]
        for file in facts {
            for (name, path) in file.tests?.pathConstants ?? [:] { values[name, default: []].insert(path) }
        }
        return facts.map { file in
            guard var tests = file.tests else { return file }
            var resolved = file
            tests.tests = tests.tests.map { test in
                var test = test
                var unresolved = test.unresolvedRequests ?? []
                test.requests = test.requests.compactMap { request in
                    guard request.path.contains("${") else { return request }
                    guard let path = substituted(request.path, values) else {
                        if !unresolved.contains(request.method) { unresolved.append(request.method) }
                        return nil
                    }
                    var filled = request
                    filled.path = path
                    return filled
                }
                test.unresolvedRequests = unresolved.isEmpty ? nil : unresolved
                return test
            }
            resolved.tests = tests
            return resolved
        }
    }

    /// `path` with every `${NAME}` (and the `/` a request path put before it) replaced by the
    /// name's one path; nil when a name has none or several.
    private static func substituted(_ path: String, _ values: [String: Set<String>]) -> String? {
        var result = ""
        var rest = Substring(path)
        while let open = rest.range(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { return nil }
            let name = String(rest[open.upperBound..<close])
            guard let value = values[name], value.count == 1, var constant = value.first else { return nil }
            var before = rest[..<open.lowerBound]
            if before.hasSuffix("/"), constant.hasPrefix("/") { before = before.dropLast() }
            if constant.hasSuffix("/"), rest[rest.index(after: close)...].hasPrefix("/") { constant.removeLast() }
            result += before + constant
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
