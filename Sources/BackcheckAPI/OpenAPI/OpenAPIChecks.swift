import Yams

/// The completeness checks of a document: responses, operation ids, path parameters, paths,
/// servers and security requirements.
enum OpenAPIChecks {
    static func operations(_ operations: [OpenAPIOperation], path: String) -> [OpenAPIProblem] {
        var problems: [OpenAPIProblem] = []
        var operationIds: [String: Int] = [:]
        var templates: [String: (template: String, line: Int)] = [:]
        func add(_ kind: OpenAPIProblem.Kind, _ line: Int, _ column: Int, _ message: String) {
            problems.append(OpenAPIProblem(kind: kind, path: path, line: line, column: column, message: message))
        }
        for operation in operations {
            let name = "\(operation.method) \(operation.path)"
            let codes = operation.responses.map { $0.uppercased() }
            // Generators (springdoc) write the success schema as `default` alone.
            if !codes.contains(where: { $0.hasPrefix("2") || $0.hasPrefix("3") || $0 == "DEFAULT" }) {
                add(.missingSuccessResponse, operation.line, operation.column, "\(name) declares no 2xx, 3xx or default response")
            }
            if !codes.contains(where: { $0.hasPrefix("4") || $0 == "DEFAULT" }) {
                add(.missingErrorResponse, operation.line, operation.column, "\(name) declares no 4xx (or default) response")
            }
            if let id = operation.operationId {
                if let first = operationIds[id] {
                    add(.duplicateOperationId, operation.line, operation.column, "\(name) reuses operationId `\(id)` of line \(first)")
                } else {
                    operationIds[id] = operation.line
                }
            } else {
                add(.missingOperationId, operation.line, operation.column, "\(name) has no operationId")
            }
            let templated = parameters(in: operation.path)
            for parameter in templated where !operation.pathParameters.contains(parameter) {
                add(.pathParameterNotDeclared, operation.line, operation.column, "\(name): path parameter `\(parameter)` is not declared `in: path`")
            }
            for parameter in operation.pathParameters where !templated.contains(parameter) {
                add(.pathParameterNotInPath, operation.line, operation.column, "\(name) declares path parameter `\(parameter)`, which its path does not have")
            }
        }
        // Per path (not per operation): queries in keys, and templates that differ only in names.
        var seen = Set<String>()
        for operation in operations where seen.insert(operation.path).inserted {
            if operation.path.contains("?") {
                add(.pathIncludesQuery, operation.pathLine, operation.pathColumn, "path `\(operation.path)` includes a query string; declare `in: query` parameters")
            }
            let key = RoutePath.key(operation.path)
            if let first = templates[key] {
                add(.ambiguousPaths, operation.pathLine, operation.pathColumn, "path `\(operation.path)` is the same request as `\(first.template)` (line \(first.line))")
            } else {
                templates[key] = (operation.path, operation.pathLine)
            }
        }
        return problems
    }

    /// The `{name}`s of a path template.
    static func parameters(in template: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in template {
            if character == "{" { current = "" } else if character == "}", let name = current {
                names.append(name)
                current = nil
            } else if current != nil { current?.append(character) }
        }
        return names
    }

    /// Title words that name no product (`API Reference`, `The Shop API`).
    private static let genericTitleWords: Set<String> = [
        "api", "apis", "rest", "restful", "http", "web", "openapi", "swagger", "the", "a", "my", "your", "our",
        "public", "private", "internal", "service", "server", "backend", "example", "sample", "demo", "test",
    ]

    /// The product an API's title names (`Gogs API` → `gogs`): its first word, letters and digits
    /// only, lowercased; nil when that word names no product.
    static func productName(title: String?) -> String? {
        guard let word = title?.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).first else { return nil }
        let name = String(word.lowercased().filter { $0.isLetter || $0.isNumber })
        return name.isEmpty || genericTitleWords.contains(name) ? nil : name
    }

    /// Problems of one server url. A placeholder host named after the product
    /// (`gogs.example.com` in the `Gogs API`) stands for the reader's own installation of a
    /// self-hosted product, which has no one real URL to give.
    static func server(_ url: String, product: String?, path: String, line: Int, column: Int) -> [OpenAPIProblem] {
        var problems: [OpenAPIProblem] = []
        if url.count > 1, url.hasSuffix("/") {
            problems.append(OpenAPIProblem(kind: .serverTrailingSlash, path: path, line: line, column: column,
                                           message: "server url `\(url)` ends with `/`: every path then starts with `//`"))
        }
        let host = url.split(separator: "/").dropFirst(url.contains("://") ? 1 : 0).first.map { $0.split(separator: ":").first ?? $0 } ?? ""
        let standsForAnInstallation = product.map { host.lowercased().hasPrefix($0 + ".") } ?? false
        if !standsForAnInstallation, ["example.com", "example.org", "example.net"].contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
            problems.append(OpenAPIProblem(kind: .serverExampleDomain, path: path, line: line, column: column,
                                           message: "server url `\(url)` is a placeholder domain, not where the API is served"))
        }
        return problems
    }

    /// Security requirements naming schemes the document does not declare.
    static func security(_ node: Node?, schemes: Set<String>, path: String) -> [OpenAPIProblem] {
        (node?.sequence.map(Array.init) ?? []).flatMap { requirement in
            (requirement.mapping.map { Array($0.keys) } ?? []).compactMap { key -> OpenAPIProblem? in
                guard let name = key.string, !schemes.contains(name) else { return nil }
                return OpenAPIProblem(kind: .undefinedSecurityScheme, path: path, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1,
                                      message: "security requirement `\(name)` names no declared security scheme")
            }
        }
    }
}
