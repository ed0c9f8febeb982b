import JWT
import Vapor

public func configure(_ app: Application) throws {
    let cors = CORSMiddleware.Configuration( // expect: auth/cors-credentials-any-origin
        allowedOrigin: .all,
        allowedMethods: [.GET, .POST, .PUT, .DELETE],
        allowedHeaders: [.accept, .authorization, .contentType],
        allowCredentials: true
    )
    app.middleware.use(CORSMiddleware(configuration: cors), at: .beginning)

    app.jwt.signers.use(.hs256(key: "vapor-jwt-secret")) // expect: auth/jwt-hardcoded-secret

    app.post("login") { req async throws -> Response in
        let creds = try req.content.decode(Credentials.self)
        guard let user = try await User.authenticate(creds, on: req.db) else {
            throw Abort(.unauthorized)
        }
        let token = try req.jwt.sign(SessionPayload(userID: user.requireID()))
        let res = Response(status: .noContent)
        res.cookies["session"] = HTTPCookies.Value(string: token, isSecure: false, isHTTPOnly: true) // expect: auth/cookie-security-flag-disabled
        res.cookies["locale"] = HTTPCookies.Value(string: "en", isSecure: true, isHTTPOnly: true)
        return res
    }

    app.post("hooks") { req async throws -> HTTPStatus in
        guard let given = req.headers.first(name: "X-Hook-Token") else { throw Abort(.unauthorized) }
        guard given == Environment.get("HOOK_TOKEN") else { throw Abort(.unauthorized) } // expect: auth/secret-compare-not-constant-time
        return .noContent
    }
}
