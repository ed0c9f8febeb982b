import BackcheckModel

/// What one test body does: assertions, requests through test clients, statuses it checks,
/// functions it calls. One pass over the body's tokens.
struct TestBodyReader {
    let source: SourceTokens
    let extraAssertions: Set<String>
    /// The file's helper functions that assert: a test that calls one asserts through it.
    var assertingHelpers: Set<String> = []
    /// Paths the file keeps in names (`self.url`), for requests that pass the name.
    let bindings: PathBindings

    init(source: SourceTokens, extraAssertions: Set<String>) {
        self.source = source
        self.extraAssertions = extraAssertions
        bindings = PathBindings(source)
    }

    static let assertionNames: Set<String> = [
        "assert", "expect", "should", "verify", "fail", "flunk", "require", "is_expected", "refute", "Expect", "Ω",
        "assertThat", "XCTFail", "raises", "must", "wont", "andExpect", "andExpectAll", "expectStatus", "expectBody",
        // NSubstitute and Moq: checks on calls received.
        "Received", "DidNotReceive", "ReceivedWithAnyArgs", "DidNotReceiveWithAnyArgs", "Verify", "VerifyAll", "VerifyNoOtherCalls",
        // A test that throws or raises on a condition checks it by hand.
        "throw", "raise", "panic",
    ]
    static let assertionPrefixes = ["assert", "expect", "verify", "should", "xctassert", "refute", "must_", "xctunwrap"]
    static let requestMethods: [String: String] = [
        "get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "head": "HEAD", "options": "OPTIONS",
        "getjson": "GET", "postjson": "POST", "putjson": "PUT", "patchjson": "PATCH", "deletejson": "DELETE",
        "getasync": "GET", "postasync": "POST", "putasync": "PUT", "patchasync": "PATCH", "deleteasync": "DELETE",
        "postasjsonasync": "POST", "putasjsonasync": "PUT", "getfromjsonasync": "GET",
        "getforentity": "GET", "getforobject": "GET", "postforentity": "POST", "postforobject": "POST",
        // A project's own helpers that send the request as a given user (`$this->getAs('api/x', $user)`).
        "getas": "GET", "postas": "POST", "putas": "PUT", "patchas": "PATCH", "deleteas": "DELETE",
        "getjsonas": "GET", "postjsonas": "POST", "putjsonas": "PUT", "patchjsonas": "PATCH", "deletejsonas": "DELETE",
    ]
    /// Calls that write output for a person to read.
    static let printNames: Set<String> = ["print", "println", "printf", "Println", "Printf", "Print", "puts", "pp",
                                          "WriteLine", "var_dump", "print_r", "debugPrint", "NSLog", "dump"]

    /// Checks that code fails: an exception, a rejected promise, an error raised.
    static let failureChecks: Set<String> = [
        "raises", "assertRaises", "assertRaisesRegex", "assertThrows", "assertThrowsExactly", "expectThrows", "toThrow",
        "toThrowError", "rejects", "raise_error", "assert_raises", "expectException", "XCTAssertThrowsError", "ThrowsAsync",
        "Throws", "assertThatThrownBy", "assertThatExceptionOfType", "shouldThrow", "expectError",
    ]

    /// Calls that are never test-client requests whatever their first argument (Cypress's
    /// `cy.get("h3")` queries the page's DOM).
    static let nonClients: Set<String> = ["os", "dict", "map", "cache", "headers", "params", "environ", "config", "settings", "session", "cy"]

    func read(_ declaration: TestDeclarations.Declaration) -> TestCase {
        var hasAssertion = false
        var requests: [TestRequest] = []
        var unresolved: [String] = []
        var checksFailure = false
        var prints = false
        var called: [String] = []
        var calledSet = Set<String>()
        var statuses = Set<Int>()
        let body = declaration.body
        var index = body.lowerBound
        while index < body.upperBound {
            WorkMeter.tick()
            let token = source.tokens[index]
            if token.kind == .identifier {
                let name = source.text(index)
                let lower = name.lowercased()
                if isAssertion(name, lower, at: index) { hasAssertion = true }
                if Self.failureChecks.contains(name) { checksFailure = true }
                if Self.printNames.contains(name), source.is(index + 1, "(") || source.is(index - 1, "::")
                    || source.file.language == .ruby || source.file.language == .php { prints = true }
                if name == "log", source.is(index - 1, "."), source.is(index - 2, "console") { prints = true }
                if let code = StatusNames.code(of: name, at: index, in: source) { statuses.insert(code) }
                if source.is(index + 1, "(") || (source.file.language == .ruby && source.tokens[index].flags.contains(.startsLine)) {
                    switch request(at: index, name: name, lower: lower, data: declaration.data) {
                    case .literal(let asked): requests += asked
                    case .unresolved(let method): if !unresolved.contains(method) { unresolved.append(method) }
                    case nil: break
                    }
                    if source.is(index + 1, "("), calledSet.insert(name).inserted { called.append(name) }
                }
            } else if token.kind == .number, let code = Int(source.text(index)), (100...599).contains(code),
                      isStatusContext(index, body: body) {
                statuses.insert(code)
            } else if token.kind == .punctuation, source.is(index, "#"), source.is(index + 1, "expect") || source.is(index + 1, "require") {
                hasAssertion = true
            }
            index += 1
        }
        let position = source.position(declaration.start)
        return TestCase(name: declaration.name, line: position.line, column: position.column, framework: declaration.framework,
                        hasAssertion: hasAssertion, requests: requests, calledNames: called, assertedStatuses: statuses.sorted(),
                        unresolvedRequests: unresolved.isEmpty ? nil : unresolved, checksFailure: checksFailure ? true : nil,
                        prints: prints ? true : nil)
    }

    private func isAssertion(_ name: String, _ lower: String, at index: Int) -> Bool {
        if Self.assertionNames.contains(name) || extraAssertions.contains(name) { return true }
        if assertingHelpers.contains(name), source.is(index + 1, "(") { return true }
        let bare = lower.drop { $0 == "_" }
        // `_assertSplitSql(…)`, `codecAssert(…)`, `softAssertions.…`.
        if lower.contains("assert"), source.is(index + 1, "(") || source.is(index + 1, ".") { return true }
        if Self.assertionPrefixes.contains(where: { bare.hasPrefix($0) }) {
            // `expected = 3` is a value, `expect(…)`/`assertEqual(…)` a check.
            return source.is(index + 1, "(") || source.is(index + 1, ".") || source.file.language == .ruby
                || source.file.language == .swift && source.is(index - 1, "#")
        }
        // Go: t.Error, t.Errorf, t.Fatal, t.Fatalf, t.Fail, t.FailNow.
        if source.file.language == .go, source.is(index - 1, "."), source.is(index + 1, "("),
           name.hasPrefix("Error") || name.hasPrefix("Fatal") || name.hasPrefix("Fail") {
            return true
        }
        return false
    }

    /// A number next to a status: `status_code == 404`, `.expect(201)`, `toBe(400)` after `.status`, `(404, rec.Code)`.
    private func isStatusContext(_ index: Int, body: Range<Int>) -> Bool {
        let window = max(body.lowerBound, index - 8)..<min(body.upperBound, index + 7)
        return window.contains { other in
            guard source.isIdentifier(other) else { return false }
            let lower = source.text(other).lowercased()
            // Go's httptest.ResponseRecorder keeps the status in `Code` (`assert.Equal(t, 404, w.Code)`).
            return lower.contains("status") || lower == "expect" && source.is(other - 1, ".") || lower == "statuscode"
                || lower == "code" && source.file.language == .go && source.is(other - 1, ".")
        }
    }

    /// `client.get("/x")`, `request(app).post('/x')`, `$this->getJson('/x')`, `get "/x"` (request
    /// specs), `httptest.NewRequest("GET", "/x", nil)`, `get("/x")` inside `perform(…)`,
    /// `app.test(.GET, "x")`, `new HttpRequestMessage(HttpMethod.Get, "/x")`.
    enum Request {
        /// One request, or one per data row of a parametrized test.
        case literal([TestRequest])
        /// A client request whose path is computed: its method only.
        case unresolved(String)
    }

    private func request(at index: Int, name: String, lower: String, data: TestData) -> Request? {
        let line = Int(source.tokens[index].line)
        let receiver = source.is(index - 1, ".") || source.is(index - 1, "->") ? source.text(index - 2) : nil
        if let receiver, Self.nonClients.contains(receiver) { return nil }
        func requests(_ method: String, _ argument: Range<Int>, more: Bool) -> Request? {
            if let (path, query) = path(argument) {
                return .literal([TestRequest(method: method, path: path, line: line, sendsQuery: query || more ? true : nil)])
            }
            if let path = bindings.path(of: argument, in: source) {
                return .literal([TestRequest(method: method, path: path, line: line, sendsQuery: more ? true : nil)])
            }
            // A path from a constant another file may define is a request only through a
            // client: `cache.delete(SESSION_PREFIX + id)` is no request.
            if let built = pathExpression(argument), let path = Self.builtPath(built),
               !built.contains("${") || isClient(receiver, at: index) {
                return .literal([TestRequest(method: method, path: path, line: line, sendsQuery: more ? true : nil)])
            }
            let rows = dataPaths(argument, data)
            return rows.isEmpty ? nil : .literal(rows.map { TestRequest(method: method, path: $0, line: line, sendsQuery: more ? true : nil) })
        }
        // Laravel's `$this->json('DELETE', '/x')` and `$this->call('GET', '/x')` name the method first.
        let laravelCall = source.file.language == .php && receiver == "$this" && (name == "json" || name == "call")
        if name == "NewRequest" || name == "NewRequestWithContext" || name == "HttpRequestMessage" || (name == "test" && receiver != nil)
            || laravelCall || namesMethodFirst(index) {
            let arguments = source.arguments(index + 1).drop { source.is($0.lowerBound, "ctx") || source.is($0.lowerBound, "context") }
            guard arguments.count >= 2 else { return nil }
            let verb = method(arguments[arguments.startIndex]) ?? "*"
            return requests(verb, arguments[arguments.startIndex + 1], more: false) ?? .unresolved(verb)
        }
        if source.file.language == .ruby, let asked = routingAssertion(at: index, name: name, line: line) { return .literal([asked]) }
        if source.file.language == .java || source.file.language == .kotlin {
            if name == "target", source.is(index + 1, "(") { return clientTargetRequest(at: index, line: line) }
            // The verb ending a `target(…)` chain was read with it.
            if Self.requestMethods[lower] != nil || name == "method", receiver == ")", chainStartsWithTarget(before: index) { return nil }
        }
        if lower == "uri", receiver == nil || source.is(index - 1, "."), let argument = source.arguments(index + 1).first {
            // WebTestClient: `.get().uri("/x")`.
            let verb = source.is(index - 2, ")") ? source.text(index - 4 >= 0 ? Int(source.tokens[index - 2].partner) - 1 : 0) : ""
            return requests(Self.requestMethods[verb.lowercased()] ?? "*", argument, more: false)
        }
        guard let method = Self.requestMethods[lower] else { return nil }
        let argument: Range<Int>?
        var more = false
        if source.is(index + 1, "("), let close = source.close(index + 1) {
            let arguments = source.arguments(index + 1)
            argument = arguments.first
            more = sendsQuery(afterPathIn: arguments, close: close)
        } else {
            argument = (index + 1)..<(index + 2)
            // A request spec line: `get "/x", params: { page: 2 }`.
            more = source.is(source.afterString(index + 1), ",")
        }
        // A bare `get("/x")` is a request only inside a test client's call (`perform(get(…))`)
        // or a request spec line; `dict.get("/x")`-like calls need a receiver.
        if receiver == nil, source.file.language != .ruby, source.file.language != .java, source.file.language != .kotlin,
           source.file.language != .php { return nil }
        guard let argument, let asked = requests(method, argument, more: more) else {
            return isClient(receiver, at: index) ? .unresolved(method) : nil
        }
        return asked
    }

    /// A project's request helper that takes the method first, written as HTTP writes it, then
    /// the path: `s.newRequest("GET", "version", "")`, `request("POST", "/orders")`.
    /// The path must be a literal too: `assertEquals('PUT', $request->method())` checks a method.
    private func namesMethodFirst(_ index: Int) -> Bool {
        // The first argument's token first: most calls have no method string there, and listing
        // their arguments would cost a walk of each.
        guard source.is(index + 1, "("), let method = source.string(index + 2), HTTPMethods.all.contains(method) else { return false }
        let arguments = source.arguments(index + 1)
        guard arguments.count >= 2, arguments[0].count == 1, source.string(arguments[1].lowerBound) != nil else { return false }
        let lower = source.text(index).lowercased()
        return !lower.contains("assert") && !lower.contains("equal") && !lower.contains("expect")
    }

    /// Rails routing assertions, which check that a path and method reach a controller action:
    /// `assert_recognizes(expected, "/x")`, `assert_recognizes(expected, path: "x", method:
    /// :put)`, `assert_routing("/x", expected)`, `assert_routing({ path: "x", method: :post }, …)`.
    private func routingAssertion(at index: Int, name: String, line: Int) -> TestRequest? {
        let place: Int
        switch name {
        case "assert_recognizes": place = 1
        case "assert_routing": place = 0
        default: return nil
        }
        guard source.is(index + 1, "(") else { return nil }
        let arguments = source.arguments(index + 1)
        guard arguments.count > place else { return nil }
        var pathPart = arguments[place]
        var options = Array(arguments.dropFirst(place))
        if source.is(pathPart.lowerBound, "{") {
            // `{ path: "x", method: :put }`
            options = source.arguments(pathPart.lowerBound)
            guard let value = source.keywordArgument("path", in: options) else { return nil }
            pathPart = value
        } else if let value = source.keywordArgument("path", in: options) {
            pathPart = value
        }
        guard let text = source.string(pathPart.lowerBound) else { return nil }
        let method = source.keywordArgument("method", in: options).map { source.text($0.lowerBound).trimmingCharacters(in: [":"]).uppercased() } ?? "GET"
        let path = text.hasPrefix("/") ? text : "/" + text
        return Self.requestPath(path).map { TestRequest(method: method, path: $0, line: line, sendsQuery: text.contains("?") ? true : nil) }
    }

    /// Whether a request call passes a query beside its path: Python test clients take it as the
    /// next argument (`client.get("/x", {"q": 1})`, `params=`, `query_string=`), supertest as
    /// `.query(…)` after the call.
    private func sendsQuery(afterPathIn arguments: [Range<Int>], close: Int) -> Bool {
        switch source.file.language {
        case .python:
            return arguments.dropFirst().contains { argument in
                guard source.is(argument.lowerBound + 1, "=") else { return true }
                return Self.queryKeywords.contains(source.text(argument.lowerBound))
            }
        case .javascript, .typescript: return source.is(close + 1, ".") && source.is(close + 2, "query")
        default: return false
        }
    }

    /// The data rows' paths a parametrized test requests through `argument` when it names one
    /// of the test's parameters: the parameter itself, or a format call on it
    /// (`string.Format(CultureInfo.InvariantCulture, format, id)`, `url.format(id)`).
    private func dataPaths(_ argument: Range<Int>, _ data: TestData) -> [String] {
        guard !data.values.isEmpty, argument.count <= 64 else { return [] }
        let mentionsParameter = argument.contains { index in
            source.isIdentifier(index) && !source.is(index - 1, ".") && data.parameters.contains(source.text(index))
                && !Self.typeNames.contains(source.text(index))
        }
        guard mentionsParameter, source.string(argument.lowerBound) == nil else { return [] }
        return data.paths
    }

    /// Keyword arguments of Python test clients that carry a query.
    private static let queryKeywords: Set<String> = ["data", "params", "query_string", "query"]

    /// Parameter-list words that are types, not the parameter a path comes from.
    private static let typeNames: Set<String> = ["string", "String", "str", "int", "Int", "Integer", "long", "bool", "object", "var", "final"]

    /// Whether the call at `index` certainly goes through a test client, whatever its argument:
    /// `client.get(…)`, `self.client.post(…)`, `request(app).get(…)`, `$this->get(…)`, a request
    /// spec's `get orders_path`, MockMvc's `perform(get(…))`.
    private func isClient(_ receiver: String?, at index: Int) -> Bool {
        if let receiver {
            var lower = receiver.lowercased()
            if receiver == ")", source.is(index - 2, ")") {
                // `request(app).get(…)`, `app.test_client().get(…)`: the call before.
                lower = source.text(Int(source.tokens[index - 2].partner) - 1).lowercased()
                if lower == "request" { return true }
            }
            return lower.contains("client") || lower.hasSuffix("this") || lower == "mvc" || lower == "mockmvc"
        }
        switch source.file.language {
        case .ruby: return source.tokens[index].flags.contains(.startsLine)
        case .java, .kotlin: return source.is(index - 1, "(") && source.is(index - 2, "perform")
        default: return false
        }
    }

    /// `"GET"`, `http.MethodGet`, `HttpMethod.Get`, `.GET`.
    func method(_ range: Range<Int>) -> String? {
        if let text = source.string(range.lowerBound) { return text.uppercased() }
        let last = source.text(range.upperBound - 1)
        let word = last.hasPrefix("Method") ? String(last.dropFirst("Method".count)) : last
        return Self.requestMethods[word.lowercased()]
    }

    /// The request path an argument spells, and whether it carries a query; nil when it is no
    /// literal path.
    private func path(_ range: Range<Int>) -> (String, Bool)? {
        var start = range.lowerBound
        // fmt.Sprintf("/x/%d", id), String.format(…), sprintf(…).
        if source.isIdentifier(start), ["Sprintf", "format", "sprintf"].contains(source.text(start + (source.is(start + 1, ".") ? 2 : 0))) {
            let call = source.is(start + 1, ".") ? start + 3 : start + 1
            guard source.is(call, "("), let first = source.arguments(call).first else { return nil }
            start = first.lowerBound
        }
        guard var text = source.string(start) else { return nil }
        let after = source.afterString(start)
        if after < range.upperBound, source.is(after, "+") || source.is(after, ".") || source.is(after, "%") { text += "{}" }
        return Self.requestPath(text).map { ($0, text.contains("?")) }
    }

    /// Host, scheme and query removed; `%d`/`%s` placeholders as `{}`; a leading `/`.
    static func requestPath(_ written: String) -> String? {
        var text = Substring(written)
        if let scheme = text.range(of: "://") {
            text = text[scheme.upperBound...]
            text = text.firstIndex(of: "/").map { text[$0...] } ?? "/"
        }
        if let query = text.firstIndex(of: "?") { text = text[..<query] }
        var path = text.replacingOccurrences(of: "%d", with: "{}").replacingOccurrences(of: "%s", with: "{}")
            .replacingOccurrences(of: "%v", with: "{}")
        guard !path.isEmpty, !path.contains(" ") else { return nil }
        if !path.hasPrefix("/") {
            // A bare word is a name (`"users"` for Vapor paths is the exception, handled by callers).
            guard path.contains("/") || source(path) else { return nil }
            path = "/" + path
        }
        return path
    }

    /// Vapor's `app.test(.GET, "users")` writes paths without `/`.
    private static func source(_ path: String) -> Bool { !path.isEmpty && path.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
}
