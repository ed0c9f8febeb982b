import Fluent
import FluentPostgresDriver
import JWT
import NIOSSL
import Vapor

struct ErrorBody: Content {
    let error: String
    let requestId: String?
}

/// Turns every error into a small JSON body; details stay in the server log.
struct JSONErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let abort as AbortError where abort.status.code < 500 {
            let response = Response(status: abort.status)
            try response.content.encode(ErrorBody(error: abort.reason, requestId: nil))
            return response
        } catch {
            request.logger.error("unhandled error", metadata: [
                "error": "\(String(reflecting: error))",
                "path": "\(request.url.path)",
            ])
            let response = Response(status: .internalServerError)
            try response.content.encode(ErrorBody(error: "internal error", requestId: request.id))
            return response
        }
    }
}

struct AccessTokenPayload: JWTPayload, Authenticatable {
    var subject: SubjectClaim
    var expiration: ExpirationClaim
    var issuer: IssuerClaim

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try expiration.verifyNotExpired()
        guard issuer.value == "journal-api" else {
            throw JWTError.claimVerificationFailure(failedClaim: issuer, reason: "unexpected issuer")
        }
    }
}

public func configure(_ app: Application) async throws {
    guard let databaseURL = Environment.get("DATABASE_URL") else {
        fatalError("DATABASE_URL is not set")
    }
    guard let jwtSecret = Environment.get("JWT_SECRET"), jwtSecret.utf8.count >= 32 else {
        fatalError("JWT_SECRET must be set to at least 32 bytes")
    }

    var tls = TLSConfiguration.makeClientConfiguration()
    tls.certificateVerification = .fullVerification
    var postgres = try SQLPostgresConfiguration(url: databaseURL)
    postgres.coreConfiguration.tls = .require(try NIOSSLContext(configuration: tls))
    app.databases.use(.postgres(configuration: postgres), as: .psql)

    await app.jwt.keys.add(hmac: HMACKey(from: jwtSecret), digestAlgorithm: .sha256)

    app.passwords.use(.bcrypt(cost: 12))

    let cors = CORSMiddleware(configuration: .init(
        allowedOrigin: .any(["https://journal.example.com", "https://admin.journal.example.com"]),
        allowedMethods: [.GET, .POST, .PATCH, .DELETE],
        allowedHeaders: [.authorization, .contentType, .accept],
        allowCredentials: true
    ))
    app.middleware = .init()
    app.middleware.use(cors, at: .beginning)
    app.middleware.use(JSONErrorMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.sessions.configuration.cookieFactory = { sessionID in
        HTTPCookies.Value(
            string: sessionID.string,
            maxAge: 60 * 60 * 8,
            isSecure: true,
            isHTTPOnly: true,
            sameSite: .lax
        )
    }

    app.logger.logLevel = Environment.get("LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
    app.http.server.configuration.hostname = Environment.get("HOST") ?? "127.0.0.1"
    app.http.server.configuration.port = Environment.get("PORT").flatMap(Int.init) ?? 8080

    try routes(app)
}
