/// The controller class of a Rails `app/controllers/…_controller.rb` file: its name, its
/// superclass and its public methods (`private`/`protected` sections and `private def` are
/// not actions; nor are `def self.` class methods).
struct RailsControllers {
    let source: SourceTokens

    init(_ source: SourceTokens) {
        self.source = source
    }

    /// Whether `path` is a controller file by Rails' conventions.
    static func isController(_ path: String) -> Bool {
        (path.hasPrefix("app/controllers/") || path.contains("/app/controllers/")) && path.hasSuffix("_controller.rb")
    }

    /// The file's first controller class; nil when it declares none.
    func extract() -> ControllerFacts? {
        var modules: [String] = []
        var facts: ControllerFacts?
        var visibility = "public"
        var index = 0
        while index < source.count {
            defer { index += 1 }
            guard source.isIdentifier(index), source.tokens[index].flags.contains(.startsLine) else { continue }
            switch source.text(index) {
            case "module" where facts == nil:
                if let (name, _) = qualifiedName(at: index + 1) { modules.append(name) }
            case "class":
                guard facts == nil, let (name, end) = qualifiedName(at: index + 1) else { continue }
                let superclass = source.is(end, "<") ? qualifiedName(at: end + 1)?.name : nil
                facts = ControllerFacts(name: (modules + [name]).joined(separator: "::"), superclass: superclass,
                                        actions: [], answersAnyAction: false)
            case "private", "protected", "public":
                let word = source.text(index)
                if source.is(index + 1, "def") {
                    // `private def helper`: that method only.
                    if word == "public", let name = methodName(at: index + 2) { facts?.actions.append(name) }
                    index += 1
                } else if index + 1 >= source.count || source.tokens[index + 1].flags.contains(.startsLine) {
                    visibility = word
                }
            case "def":
                guard let name = methodName(at: index + 1) else { continue }
                if name == "method_missing" || name == "action_missing" { facts?.answersAnyAction = true }
                if visibility == "public" { facts?.actions.append(name) }
            default:
                continue
            }
        }
        return facts
    }

    /// `A::B::C` starting at `index`: the name and the index after it.
    private func qualifiedName(at index: Int) -> (name: String, end: Int)? {
        guard source.isIdentifier(index) else { return nil }
        var parts = [source.text(index)]
        var end = index + 1
        while source.is(end, "::"), source.isIdentifier(end + 1) {
            parts.append(source.text(end + 1))
            end += 2
        }
        return (parts.joined(separator: "::"), end)
    }

    /// The instance method named at `index` after `def` (nil for `def self.name`).
    private func methodName(at index: Int) -> String? {
        guard source.isIdentifier(index), !(source.is(index, "self") && source.is(index + 1, ".")) else { return nil }
        return source.text(index)
    }
}
