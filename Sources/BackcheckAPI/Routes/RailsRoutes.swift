/// Rails `config/routes.rb`: verbs (`get 'x', to: 'c#a'`, `get 'x' => 'c#a'`, `match … via:`),
/// `root`, `resources`/`resource` (with `only:`/`except:`, nesting, `member`/`collection`),
/// `namespace` and `scope`.
struct RailsRoutes {
    let source: SourceTokens

    /// The actions of `resources` that Rails cannot serve without a method: a missing GET action
    /// may still render its template.
    static let writeActions: Set<String> = ["create", "update", "destroy"]
    static let verbs: [String: String] = ["get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE"]
    /// Keywords that open a block closed by `end` when they start a statement.
    static let blockKeywords: Set<String> = ["if", "unless", "case", "begin", "def", "class", "module", "while", "until", "for"]

    /// One open `do … end`: the path prefix inside it, and what a nested verb or `resources` means there.
    struct Scope {
        var prefix: String
        /// Inside `resources :x do`: `member` routes go under `/x/{id}`, nested resources under `/x/{x_id}`.
        var resource: (collection: String, member: String, nested: String)?
        var context: Context
        /// The controllers' folder under `app/controllers` (`mod/` inside `namespace :mod`).
        var module: String = ""
        /// The action `scope action: 'index'` gives every route inside.
        var action: String?
        enum Context { case plain, resource, member, collection }
    }

    init(_ source: SourceTokens) {
        self.source = source
    }

    func extract() -> RouteFileFacts {
        var facts = RouteFileFacts(path: source.path)
        var scopes = [Scope(prefix: "", resource: nil, context: .plain)]
        /// What the next `do` opens (set by the statement before it).
        var opening: Scope?
        var index = 0
        while index < source.count {
            let token = source.tokens[index]
            guard token.kind == .identifier else {
                index += 1
                continue
            }
            let word = source.text(index)
            let current = scopes.last ?? Scope(prefix: "", resource: nil, context: .plain)
            if word == "do" {
                scopes.append(opening ?? Scope(prefix: current.prefix, resource: nil, context: .plain, module: current.module,
                                               action: current.action))
                opening = nil
            } else if word == "end" {
                if scopes.count > 1 { scopes.removeLast() }
            } else if Self.blockKeywords.contains(word), token.flags.contains(.startsLine) {
                scopes.append(current)
            } else if token.flags.contains(.startsLine) {
                let line = lineEnd(index)
                opening = statement(word, index, line, current, &facts)
                index = line
                continue
            }
            index += 1
        }
        return facts
    }

    /// The index of the first token of the next line (or of `do`, which opens a block).
    private func lineEnd(_ start: Int) -> Int {
        var index = start + 1
        while index < source.count, !source.tokens[index].flags.contains(.startsLine), !source.is(index, "do") {
            index = source.close(index).map { $0 + 1 } ?? index + 1
        }
        return index
    }

    /// Reads one routing statement; the scope its `do` block (if any) opens.
    private func statement(_ word: String, _ index: Int, _ end: Int, _ scope: Scope, _ facts: inout RouteFileFacts) -> Scope? {
        let arguments = Array(arguments(index + 1, end))
        let first = arguments.first.flatMap { value($0) }
        let position = source.position(index)
        func add(_ methods: [String], _ path: String, _ handler: String?) {
            facts.routes.append(RouteFact(methods: methods, path: RoutePath.normalize(path), handler: handler,
                                          line: position.line, column: position.column, framework: "rails"))
        }
        switch word {
        case "namespace":
            guard let name = first else { return nil }
            return Scope(prefix: RoutePath.join(scope.prefix, option("path", arguments) ?? name), resource: nil, context: .plain,
                         module: scope.module + (option("module", arguments) ?? name) + "/")
        case "scope":
            let path = option("path", arguments) ?? (first.map { $0.hasPrefix(":") ? "" : $0 } ?? "")
            return Scope(prefix: RoutePath.join(scope.prefix, path), resource: nil, context: .plain,
                         module: scope.module + (option("module", arguments).map { $0 + "/" } ?? ""),
                         action: option("action", arguments) ?? scope.action)
        case "member", "collection":
            guard let resource = scope.resource else { return nil }
            return Scope(prefix: word == "member" ? resource.member : resource.collection, resource: resource,
                         context: word == "member" ? .member : .collection, module: scope.module)
        case "root":
            add(["GET"], scope.prefix, (option("to", arguments) ?? first)?.split(separator: "#").last.map(String.init))
        case "resources", "resource":
            guard let name = first else { return nil }
            let singular = word == "resource"
            let base = RoutePath.join(scope.resource?.nested ?? scope.prefix, option("path", arguments) ?? name)
            let parameter = "{" + (option("param", arguments) ?? "id") + "}"
            let member = singular ? base : base + "/" + parameter
            var actions: [(String, [String], String)] = [
                ("create", ["POST"], base), ("new", ["GET"], base + "/new"), ("edit", ["GET"], member + "/edit"),
                ("show", ["GET"], member), ("update", ["PATCH", "PUT"], member), ("destroy", ["DELETE"], member),
            ]
            if !singular { actions.insert(("index", ["GET"], base), at: 0) }
            let only = list("only", arguments), except = list("except", arguments) ?? []
            // `resource :profile` is served by ProfilesController.
            let controller = scope.module + (option("controller", arguments) ?? (singular ? name + "s" : name))
            for action in actions where (only?.contains(action.0) ?? true) && !except.contains(action.0) {
                add(action.1, action.2, action.0)
                // A write action has no template to render in place of a method.
                if Self.writeActions.contains(action.0) { facts.routes[facts.routes.count - 1].controller = controller }
            }
            let nestedName = singular ? name : String(name.hasSuffix("s") ? name.dropLast() : Substring(name))
            return Scope(prefix: base, resource: (base, member, singular ? base : base + "/{" + nestedName + "_id}"),
                         context: .resource, module: scope.module)
        case "match":
            guard let path = first else { return nil }
            let methods = list("via", arguments)?.map { $0.uppercased() } ?? ["*"]
            add(methods.contains("ALL") ? ["*"] : methods, RoutePath.join(prefix(scope, arguments), path),
                handler(arguments) ?? (scope.context == .plain ? nil : scope.action ?? Self.impliedAction(path)))
        default:
            guard let method = Self.verbs[word], let path = first else { return nil }
            // `get :search` inside `collection do`/`member do`: the path is the action's name;
            // `get 'photos/search'` is photos#search.
            add([method], RoutePath.join(prefix(scope, arguments), path), handler(arguments) ?? scope.action ?? Self.impliedAction(path))
        }
        return nil
    }

    /// Where a route line inside `resources :chats do` goes: `post :retry, on: :member` (or
    /// `match :verify, on: :member, via: …`) is the member block's route in one line, under
    /// `/chats/{id}`; `on: :collection` under `/chats`.
    private func prefix(_ scope: Scope, _ arguments: [Range<Int>]) -> String {
        guard let resource = scope.resource, scope.context == .resource, let on = option("on", arguments) else { return scope.prefix }
        if on == "member" { return resource.member }
        if on == "collection" { return resource.collection }
        return scope.prefix
    }

    /// The action a path names when no `to:` does: its last segment, when that is a name.
    static func impliedAction(_ path: String) -> String? {
        guard !path.hasPrefix("/"), let last = path.split(separator: "/").last,
              last.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return String(last)
    }

    /// Arguments separated by commas between `start` and `end`, brackets skipped.
    private func arguments(_ start: Int, _ end: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var begin = start
        var index = start
        while index < end {
            if source.is(index, ",") {
                if index > begin { result.append(begin..<index) }
                begin = index + 1
                index += 1
            } else {
                index = source.close(index).map { $0 + 1 } ?? index + 1
            }
        }
        if end > begin { result.append(begin..<end) }
        return result
    }

    /// A string or symbol value (`'photos/:id'`, `:photos`) at the start of `range`.
    private func value(_ range: Range<Int>) -> String? {
        if let text = source.string(range.lowerBound) { return text }
        let text = source.text(range.lowerBound)
        guard source.isIdentifier(range.lowerBound), text.hasPrefix(":"), text.count > 1 else { return nil }
        return String(text.dropFirst())
    }

    /// `key: value` (or `:key => value`) among `arguments`.
    private func option(_ key: String, _ arguments: [Range<Int>]) -> String? {
        for argument in arguments {
            if source.is(argument.lowerBound, key), source.is(argument.lowerBound + 1, ":"), argument.count >= 3 {
                return value((argument.lowerBound + 2)..<argument.upperBound)
            }
            if source.is(argument.lowerBound, ":" + key), source.is(argument.lowerBound + 1, "=>"), argument.count >= 3 {
                return value((argument.lowerBound + 2)..<argument.upperBound)
            }
        }
        return nil
    }

    /// `only: [:index, :show]` or `only: :index`.
    private func list(_ key: String, _ arguments: [Range<Int>]) -> [String]? {
        for argument in arguments where source.is(argument.lowerBound, key) && source.is(argument.lowerBound + 1, ":") && argument.count >= 3 {
            let start = argument.lowerBound + 2
            if source.is(start, "["), let close = source.close(start) {
                return self.arguments(start + 1, close).compactMap { value($0) }
            }
            return value(start..<argument.upperBound).map { [$0] }
        }
        return nil
    }

    /// The action of `to: 'c#a'` or `'x' => 'c#a'`.
    private func handler(_ arguments: [Range<Int>]) -> String? {
        if let target = option("to", arguments) { return target.split(separator: "#").last.map(String.init) }
        guard let first = arguments.first, source.is(first.lowerBound + 1, "=>"), let target = source.string(first.lowerBound + 2) else { return nil }
        return target.split(separator: "#").last.map(String.init)
    }
}
