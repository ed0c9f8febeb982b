/// Route path templates in one form, whatever the framework wrote: parameters as `{name}`
/// (`:id`, `<int:id>`, `{id:int}`, `{id?}`, `*rest`, `(?P<pk>…)` all become `{id}`, `{rest}`,
/// `{pk}`), a leading `/`, no trailing `/` (except the root), no `//`.
public enum RoutePath {
    /// The normalised template of a path as written in code or in a document.
    public static func normalize(_ raw: String) -> String {
        var segments: [String] = []
        for segment in raw.split(separator: "/", omittingEmptySubsequences: true) {
            // `?` after a parameter (`:id?`, `{id?}`) marks it optional; elsewhere a query starts.
            let isParameter = segment.hasPrefix(":") || segment.hasPrefix("{") || segment.hasPrefix("<") || segment.hasPrefix("(")
            if !isParameter, let query = segment.firstIndex(of: "?") {
                if query > segment.startIndex { segments.append(normalizeSegment(segment[..<query])) }
                break
            }
            let normalized = normalizeSegment(segment)
            if !normalized.isEmpty { segments.append(normalized) }
        }
        return "/" + segments.joined(separator: "/")
    }

    /// `prefix` and `path` joined: both normalised, one `/` between.
    public static func join(_ prefix: String, _ path: String) -> String {
        let head = normalize(prefix), tail = normalize(path)
        if head == "/" { return tail }
        if tail == "/" { return head }
        return head + tail
    }

    /// The template with parameter names left out: two routes with the same key serve the same
    /// requests (`/users/{id}` and `/users/{name}`).
    public static func key(_ template: String) -> String {
        var result = ""
        var depth = 0
        for character in template {
            if character == "{" {
                if depth == 0 { result += "{}" }
                depth += 1
            } else if character == "}" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }

    /// The parameter names of a normalised template, in order.
    public static func parameters(_ template: String) -> [String] {
        template.split(separator: "/").compactMap { segment in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return nil }
            return String(segment.dropFirst().dropLast())
        }
    }

    private static func normalizeSegment(_ segment: Substring) -> String {
        // Django/Rails regex paths: `^articles/(?P<slug>[-\w]+)$`.
        var segment = segment
        if segment.hasPrefix("^") { segment = segment.dropFirst() }
        if segment.hasSuffix("$") { segment = segment.dropLast() }
        if segment.hasPrefix("(?P<"), let close = segment.firstIndex(of: ">") {
            return "{" + segment[segment.index(segment.startIndex, offsetBy: 4)..<close] + "}"
        }
        if segment.hasPrefix(":") { return "{" + parameterName(segment.dropFirst()) + "}" }
        if segment.hasPrefix("*") { return "{" + (segment.count > 1 ? parameterName(segment.dropFirst()) : "*") + "}" }
        if segment.hasPrefix("<"), segment.hasSuffix(">") {
            let inner = segment.dropFirst().dropLast()
            return "{" + (inner.split(separator: ":").last.map(String.init) ?? "") + "}"
        }
        if segment.hasPrefix("{"), segment.hasSuffix("}") {
            var inner = segment.dropFirst().dropLast()
            if let colon = inner.firstIndex(where: { $0 == ":" || $0 == "=" }) { inner = inner[..<colon] }
            while inner.hasSuffix("?") || inner.hasSuffix(".") { inner = inner.dropLast() }
            // A bare wildcard stays `{*}` when normalised again (joined under a prefix), so a
            // mounted catch-all is still known as one.
            if inner.hasPrefix("*") { inner = inner.allSatisfy { $0 == "*" } ? "*" : inner.drop { $0 == "*" } }
            return "{" + inner + "}"
        }
        // Rails `(.:format)`, Express `:id.json`: the optional format suffix is not part of the route.
        if let paren = segment.firstIndex(of: "("), segment[paren...].hasPrefix("(.:") {
            return normalizeSegment(segment[..<paren])
        }
        return String(segment)
    }

    /// How many segments at the end of a declared `path` are optional parameters (`{x?}`, `:x?`).
    static func optionalTail(_ path: String) -> Int {
        path.split(separator: "/").reversed().prefix { segment in
            (segment.hasPrefix("{") && segment.hasSuffix("?}")) || (segment.hasPrefix(":") && segment.hasSuffix("?"))
        }.count
    }

    /// `id`, `id?`, `id(\\d+)`, `id.json` → `id`.
    private static func parameterName(_ text: Substring) -> String {
        String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }
}
