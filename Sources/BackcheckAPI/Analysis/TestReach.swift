/// Which tests reach a route: by a request whose path fits the route's (a literal segment fits a
/// parameter; `{}` from an interpolation fits anything) and whose method it answers, or by
/// calling the route's handler by name.
struct TestReach {
    /// Every test with the file it is in.
    let tests: [(file: String, test: TestCase)]

    init(_ facts: [APIFileFacts]) {
        tests = facts.flatMap { file in (file.tests?.tests ?? []).map { (file.path, $0) } }
    }

    /// Whether the project has tests that make requests or call anything: without them, every
    /// route would be "untested" and saying so route by route helps no one.
    var reachesAnything: Bool { tests.contains { !$0.test.requests.isEmpty } }

    /// Whether some test requests a computed path (`reverse("…")`, `orders_path`) with a method
    /// `route` answers: that request may be the one reaching it.
    func mayReach(_ route: ResolvedRoute) -> Bool {
        tests.contains { entry in
            (entry.test.unresolvedRequests ?? []).contains { method in
                method == "*" || route.route.methods.contains { $0 == "*" || $0 == method }
            }
        }
    }

    func tests(reaching route: ResolvedRoute) -> [TestCase] {
        tests.map(\.test).filter { test in
            test.requests.contains { Self.fits($0, route) }
                || route.route.handler.map { handler in handler.count > 3 && test.calledNames.contains(handler) } == true
        }
    }

    static func fits(_ request: TestRequest, _ route: ResolvedRoute) -> Bool {
        guard request.method == "*" || route.route.methods.contains(where: { $0 == "*" || $0 == request.method }) else { return false }
        let asked = RoutePath.normalize(request.path).split(separator: "/")
        let served = route.path.split(separator: "/")
        // A route whose mount prefix is unknown may be asked with more leading segments.
        guard asked.count == served.count || (!route.prefixKnown && asked.count > served.count) else { return false }
        return zip(asked.suffix(served.count), served).allSatisfy { asked, served in
            served.hasPrefix("{") || asked.hasPrefix("{") || asked == served
        }
    }
}
