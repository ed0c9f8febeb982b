/// Whether a route's declaration requires an authenticated caller: an authentication decorator,
/// annotation or attribute in the lines just above or below it (up to what they decorate) (`@login_required`, `@PreAuthorize`,
/// `[Authorize]`, `@UseGuards`), or authentication middleware among the route call's arguments on
/// its line (`router.get('/x', requireAuth, h)`, `->middleware('auth')`). What a framework applies
/// elsewhere (a controller's `before_action`, a global filter) is not seen: absence proves nothing.
enum RouteAuthentication {
    static let markers: Set<String> = [
        "login_required", "jwt_required", "auth_required", "requires_auth", "token_required", "permission_required",
        "Authorize", "PreAuthorize", "Secured", "RolesAllowed", "UseGuards", "requireAuth", "requiresAuth",
        "ensureAuthenticated", "ensureLoggedIn", "isAuthenticated", "authenticated", "verifyToken", "authMiddleware",
        "jwtAuth", "requireLogin", "requireUser",
    ]
    /// How many lines above a route its decorators may start.
    static let linesAbove = 4

    /// `facts` with each route's ``RouteFact/authenticated`` set where its declaration shows it.
    static func mark(_ facts: inout RouteFileFacts, in source: SourceTokens) {
        guard !facts.routes.isEmpty else { return }
        for index in facts.routes.indices where requiresAuthentication(facts.routes[index], in: source) {
            facts.routes[index].authenticated = true
        }
    }

    private static func requiresAuthentication(_ route: RouteFact, in source: SourceTokens) -> Bool {
        // The contiguous decorator and attribute lines right above the route's line.
        var first = route.line
        while first > route.line - linesAbove {
            let start = firstToken(atOrAfter: first - 1, in: source)
            guard start < source.count, Int(source.tokens[start].line) == first - 1,
                  source.is(start, "@") || source.is(start, "[") else { break }
            first -= 1
        }
        var index = firstToken(atOrAfter: first, in: source)
        while index < source.count, Int(source.tokens[index].line) <= route.line + linesAbove {
            let line = Int(source.tokens[index].line)
            // Below the route's line only more decorators and attributes (`@app.get(…)` then
            // `@login_required`), up to the declaration they decorate.
            if line > route.line, source.tokens[index].flags.contains(.startsLine), !source.is(index, "@"), !source.is(index, "[") {
                break
            }
            if source.isIdentifier(index), markers.contains(source.text(index)) {
                // Off the route's line only decorators and attributes count; on it any mention.
                if line == route.line || source.is(index - 1, "@") || source.is(index - 1, "[") || source.is(index - 1, ",") {
                    return true
                }
            } else if line == route.line, let text = source.string(index), text == "auth" || text.hasPrefix("auth:") {
                return true
            }
            index = source.afterString(index)
        }
        return false
    }

    /// The first token on `line` or later (tokens are in source order).
    private static func firstToken(atOrAfter line: Int, in source: SourceTokens) -> Int {
        var low = 0, high = source.count
        while low < high {
            let middle = (low + high) / 2
            if Int(source.tokens[middle].line) < line { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
