import BackcheckModel

/// Words without which a file declares no route in its language, found by a byte search before
/// anything is lexed.
enum RouteMarkers {
    static let words: [Language: [[UInt8]]] = {
        let table: [Language: [String]] = [
            // `= "/`: a path constant (`API_PREFIX = "/api"`) a mount elsewhere may name.
            .python: ["route", "urlpatterns", ".get(", ".post(", ".put(", ".delete(", ".patch(", "include_router", "register_blueprint",
                      "= \"/", "= '/"],
            .javascript: [".get(", ".post(", ".put(", ".delete(", ".patch(", ".all(", ".route(", ".use(", "@Controller", "setGlobalPrefix"],
            .go: ["HandleFunc", "Handle(", ".GET(", ".POST(", ".Get(", ".Post(", ".PUT(", ".DELETE(", ".Put(", ".Delete(", ".Group(", ".Route("],
            .java: ["Mapping", "@Path"],
            .csharp: ["[Http", "[Route", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapGroup", "MapMethods"],
            .php: ["Route::"],
            .ruby: ["draw", "resources", "get ", "post "],
            .swift: [".get(", ".post(", ".put(", ".delete(", ".patch(", ".grouped(", ".group(", ".on("],
        ]
        var result = table.mapValues { $0.map { Array($0.utf8) } }
        result[.typescript] = result[.javascript]
        result[.kotlin] = result[.java]
        return result
    }()

    /// Whether the file at `path` may declare routes (Laravel and Rails keep them in route files),
    /// or is a Rails controller, whose actions decide which implied routes are served.
    static func mayDeclareRoutes(_ bytes: [UInt8], language: Language, path: String) -> Bool {
        switch language {
        case .php: guard path.hasPrefix("routes/") || path.contains("/routes/") else { return false }
        case .ruby:
            if RailsControllers.isController(path) { return true }
            guard path.hasSuffix("config/routes.rb") || path.contains("config/routes/") else { return false }
        default: break
        }
        guard let needles = words[language] else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needles.contains { needle in contains(haystack, needle) }
        }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
