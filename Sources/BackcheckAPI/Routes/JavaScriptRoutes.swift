import BackcheckModel

/// Express, Koa routers and Fastify (`app.get('/x', h)`, `router.route('/x').get(h)`,
/// `app.use('/api', router)`, `new Router({ prefix })`) and NestJS (`@Controller('x')` with
/// `@Get(':id')`, `app.setGlobalPrefix('api')`).
struct JavaScriptRoutes {
    let source: SourceTokens
    /// Router objects the file makes: name → (is the application, own prefix).
    private var routers: [String: (isApplication: Bool, prefix: String)] = [:]
    /// Imported names → root-relative module path without extension.
    private var imports: [String: String] = [:]

    static let methods: Set<String> = ["get", "post", "put", "delete", "patch", "all", "options", "head", "del"]
    static let nestMethods: [String: String] = [
        "Get": "GET", "Post": "POST", "Put": "PUT", "Delete": "DELETE", "Patch": "PATCH", "Options": "OPTIONS",
        "Head": "HEAD", "All": "*",
    ]
    /// Receivers that are HTTP clients, caches or maps, whose `.get('/x')` is no route.
    static let clientNames: Set<String> = ["axios", "http", "https", "fetch", "request", "superagent", "supertest", "client",
                                           "api", "map", "cache", "store", "params", "headers", "$http", "ky", "got"]

    init(_ source: SourceTokens) {
        self.source = source
    }

    mutating func extract() -> RouteFileFacts {
        var facts = RouteFileFacts(path: source.path)
        var controllerPrefix: String?
        var index = 0
        while index < source.count {
            readBinding(index)
            if source.is(index, "@"), source.isIdentifier(index + 1), source.is(index + 2, "(") {
                let decorator = source.text(index + 1)
                let argument = source.arguments(index + 2).first.flatMap { source.string($0.lowerBound) }
                if decorator == "Controller" {
                    controllerPrefix = argument ?? controllerOptionsPath(index + 2) ?? ""
                } else if let method = Self.nestMethods[decorator], let prefix = controllerPrefix {
                    let position = source.position(index)
                    facts.routes.append(RouteFact(methods: [method], path: RoutePath.join(prefix, argument ?? ""),
                                                  handler: nestHandler(after: index + 2), line: position.line,
                                                  column: position.column, framework: "nestjs", router: "nest"))
                }
            }
            if source.isIdentifier(index), source.is(index + 1, "."), source.isIdentifier(index + 2), source.is(index + 3, "(") {
                readMemberCall(receiver: index, into: &facts)
            }
            // `export default router`, `module.exports = router`: what a mount of this module mounts.
            if source.is(index, "export"), source.is(index + 1, "default"), source.isIdentifier(index + 2),
               routers[source.text(index + 2)] != nil, !source.is(index + 3, "."), !source.is(index + 3, "(") {
                facts.exportedRouter = source.text(index + 2)
            } else if source.is(index, "module"), source.is(index + 1, "."), source.is(index + 2, "exports"), source.is(index + 3, "="),
                      source.isIdentifier(index + 4), routers[source.text(index + 4)] != nil, !source.is(index + 5, "."),
                      !source.is(index + 5, "(") {
                facts.exportedRouter = source.text(index + 4)
            }
            if source.is(index + 1, "("), source.is(index, "Router") || source.is(index, "KoaRouter")
                || (source.is(index, "express") && !source.is(index - 1, ".")) {
                readConstructorChain(callee: index, into: &facts)
            }
            index += 1
        }
        // An application the module exports (a Koa sub-app: `export default app`) is mounted by
        // whoever imports it, so what hangs on it is not at the root.
        if let exported = facts.exportedRouter, routers[exported]?.isApplication == true {
            for route in facts.routes.indices where facts.routes[route].router == nil && facts.routes[route].framework == "express" {
                facts.routes[route].router = exported
            }
            for mount in facts.mounts.indices where facts.mounts[mount].on == nil { facts.mounts[mount].on = exported }
        }
        return facts
    }

    /// `const r = express.Router()`, `const app = express()`, `new Router({ prefix: '/x' })`,
    /// `const users = require('./users')`, `import users from './users'`.
    private mutating func readBinding(_ index: Int) {
        if source.is(index, "import") {
            var cursor = index + 1
            var names: [String] = []
            while cursor < source.count, !source.is(cursor, "from"), cursor - index < 64 {
                if source.isIdentifier(cursor), !source.is(cursor, "as"), !source.is(cursor, "type") { names.append(source.text(cursor)) }
                cursor += 1
            }
            if source.is(cursor, "from"), let written = source.string(cursor + 1), let module = source.relativeModule(written) {
                for name in names { imports[name] = module }
            }
            return
        }
        guard source.is(index, "="), source.isIdentifier(index - 1) else { return }
        let name = source.text(index - 1)
        var value = index + 1
        if source.is(value, "new") { value += 1 }
        if source.is(value, "require"), source.is(value + 1, "("), let written = source.string(value + 2),
           let module = source.relativeModule(written) {
            imports[name] = module
            return
        }
        var callee = value
        while source.is(callee + 1, "."), source.isIdentifier(callee + 2) { callee += 2 }
        guard source.isIdentifier(callee), source.is(callee + 1, "(") else { return }
        switch source.text(callee) {
        case "express", "Koa", "fastify", "Fastify":
            if callee == value { routers[name] = (true, "") }
        case "Router", "KoaRouter":
            routers[name] = (false, routerOptionsPrefix(callee + 1) ?? "")
        default:
            break
        }
    }

    /// `{ prefix: '/x' }` in `new Router({ prefix: '/x' })`.
    private func routerOptionsPrefix(_ open: Int) -> String? {
        guard let first = source.arguments(open).first, source.is(first.lowerBound, "{") else { return nil }
        let fields = source.arguments(first.lowerBound)
        return source.keywordArgument("prefix", in: fields).flatMap { source.string($0.lowerBound) }
    }

    /// `@Controller({ path: 'x' })`.
    private func controllerOptionsPath(_ open: Int) -> String? {
        guard let first = source.arguments(open).first, source.is(first.lowerBound, "{") else { return nil }
        return source.keywordArgument("path", in: source.arguments(first.lowerBound)).flatMap { source.string($0.lowerBound) }
    }

    /// The method a Nest route decorator sits on: the first name followed by `(` after it.
    private func nestHandler(after open: Int) -> String? {
        guard var index = source.close(open).map({ $0 + 1 }) else { return nil }
        while index < source.count {
            if source.is(index, "@"), source.isIdentifier(index + 1), source.is(index + 2, "("), let close = source.close(index + 2) {
                index = close + 1
                continue
            }
            if source.isIdentifier(index), source.is(index + 1, "(") || source.is(index + 1, "<") { return source.text(index) }
            guard source.isIdentifier(index) || source.is(index, "@") else { return nil }
            index += 1
        }
        return nil
    }

    private func readMemberCall(receiver: Int, into facts: inout RouteFileFacts) {
        let name = source.text(receiver)
        let member = source.text(receiver + 2)
        let open = receiver + 3
        let arguments = source.arguments(open)
        let position = source.position(receiver)
        let known = routers[name]
        let routerLike = known != nil || name == "app" || name == "router" || name == "server" || name.hasSuffix("Router")
            || name.hasSuffix("router")
        if member == "setGlobalPrefix", let prefix = arguments.first.flatMap({ source.string($0.lowerBound) }) {
            facts.mounts.append(RouteMount(prefix: RoutePath.normalize(prefix), module: nil, router: "nest", line: position.line))
            return
        }
        guard routerLike, !Self.clientNames.contains(name), !source.is(receiver - 1, ".") else { return }
        if member == "use" {
            readMount(arguments, on: known?.isApplication == true || name == "app" ? nil : name, position: position, into: &facts)
            return
        }
        guard Self.methods.contains(member), arguments.count >= 2, let path = source.string(arguments[0].lowerBound),
              path.hasPrefix("/") || path.isEmpty || path == "*" else {
            if member == "route", let path = arguments.first.flatMap({ source.string($0.lowerBound) }) {
                readRouteChain(path: path, receiver: receiver, close: source.close(open) ?? open, into: &facts)
            }
            return
        }
        facts.routes.append(RouteFact(methods: [member == "all" ? "*" : (member == "del" ? "DELETE" : member.uppercased())],
                                      path: RoutePath.join(known?.prefix ?? "", path), handler: handlerName(arguments.last),
                                      line: position.line, column: position.column, framework: "express",
                                      router: known?.isApplication ?? PythonRoutes.applicationNames.contains(name) ? nil : name))
    }

    /// Calls chained on a router as it is made: `const api = Router().use(users).use(posts)`,
    /// `export default Router().use('/api', api)`, `express.Router().get('/x', h)`. The chain's
    /// mounts and routes hang on the bound name, or on `default` for an exported expression.
    private mutating func readConstructorChain(callee: Int, into facts: inout RouteFileFacts) {
        guard let close = source.close(callee + 1), source.is(close + 1, "."), source.isIdentifier(close + 2),
              source.is(close + 3, "(") else { return }
        var start = callee
        if source.is(start - 1, "."), source.isIdentifier(start - 2) { start -= 2 }
        if source.is(start - 1, "new") { start -= 1 }
        let isApplication = source.is(callee, "express")
        let name: String
        if (source.is(start - 1, "default") && source.is(start - 2, "export"))
            || (source.is(start - 1, "=") && source.is(start - 2, "exports") && source.is(start - 3, ".") && source.is(start - 4, "module")) {
            name = "default"
            facts.exportedRouter = name
        } else if source.is(start - 1, "="), source.isIdentifier(start - 2), !source.is(start - 3, ".") {
            name = source.text(start - 2)
        } else {
            return
        }
        if routers[name] == nil { routers[name] = (isApplication, "") }
        let application = routers[name]?.isApplication == true
        var index = close + 1
        while source.is(index, "."), source.isIdentifier(index + 1), source.is(index + 2, "("), let end = source.close(index + 2) {
            let member = source.text(index + 1)
            let arguments = source.arguments(index + 2)
            let position = source.position(index + 1)
            if member == "use" {
                readMount(arguments, on: application ? nil : name, position: position, into: &facts)
            } else if Self.methods.contains(member), arguments.count >= 2, let path = source.string(arguments[0].lowerBound),
                      path.hasPrefix("/") || path.isEmpty || path == "*" {
                facts.routes.append(RouteFact(methods: [member == "all" ? "*" : (member == "del" ? "DELETE" : member.uppercased())],
                                              path: RoutePath.join(routers[name]?.prefix ?? "", path),
                                              handler: handlerName(arguments.last), line: position.line, column: position.column,
                                              framework: "express", router: application ? nil : name))
            } else {
                break
            }
            index = end + 1
        }
    }

    /// `router.route('/x').get(h).post(h)`.
    private func readRouteChain(path: String, receiver: Int, close: Int, into facts: inout RouteFileFacts) {
        let known = routers[source.text(receiver)]
        var index = close + 1
        while source.is(index, "."), source.isIdentifier(index + 1), source.is(index + 2, "("), let end = source.close(index + 2) {
            let member = source.text(index + 1)
            guard Self.methods.contains(member) else { break }
            let position = source.position(index + 1)
            facts.routes.append(RouteFact(methods: [member == "all" ? "*" : member.uppercased()],
                                          path: RoutePath.join(known?.prefix ?? "", path),
                                          handler: handlerName(source.arguments(index + 2).last), line: position.line,
                                          column: position.column, framework: "express",
                                          router: known?.isApplication ?? PythonRoutes.applicationNames.contains(source.text(receiver))
                                              ? nil : source.text(receiver)))
            index = end + 1
        }
    }

    /// `app.use('/api', router)`, `app.use('/api', require('./api'))`, `router.use(other.routes())`.
    private func readMount(_ arguments: [Range<Int>], on: String?, position: SourcePosition, into facts: inout RouteFileFacts) {
        guard let last = arguments.last else { return }
        var prefix = ""
        if arguments.count >= 2, let written = source.string(arguments[0].lowerBound) { prefix = written }
        let target = last.lowerBound
        // koa-mount: `app.use(mount("/api", api))`.
        if arguments.count == 1, source.is(target, "mount"), source.is(target + 1, "("), let close = source.close(target + 1),
           close + 1 == last.upperBound {
            readMount(source.arguments(target + 1), on: on, position: position, into: &facts)
            return
        }
        if source.is(target, "require"), source.is(target + 1, "("), let written = source.string(target + 2),
           let module = source.relativeModule(written) {
            facts.mounts.append(RouteMount(prefix: RoutePath.normalize(prefix), module: module, router: nil, on: on, line: position.line))
            return
        }
        guard source.isIdentifier(target) else { return }
        let name = source.text(target)
        if let module = imports[name] {
            facts.mounts.append(RouteMount(prefix: RoutePath.normalize(prefix), module: module, router: nil, on: on, line: position.line))
        } else if routers[name] != nil {
            facts.mounts.append(RouteMount(prefix: RoutePath.normalize(prefix), module: source.module, router: name, on: on, line: position.line))
        }
    }

    /// A named handler (`users.list`, `createUser`); nil for an inline function.
    private func handlerName(_ argument: Range<Int>?) -> String? {
        guard let argument, let last = argument.last, source.isIdentifier(last), argument.count <= 3 else { return nil }
        return source.text(last)
    }
}
