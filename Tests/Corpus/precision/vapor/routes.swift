import Crypto
import Fluent
import JWT
import SQLKit
import Vapor

final class Author: Model, Content, @unchecked Sendable {
    static let schema = "authors"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "display_name") var displayName: String
    @Children(for: \.$author) var entries: [Entry]

    init() {}

    init(email: String, passwordHash: String, displayName: String) {
        self.email = email
        self.passwordHash = passwordHash
        self.displayName = displayName
    }
}

final class Entry: Model, Content, @unchecked Sendable {
    static let schema = "entries"

    @ID(key: .id) var id: UUID?
    @Parent(key: "author_id") var author: Author
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct RegisterRequest: Content, Validatable {
    let email: String
    let password: String
    let displayName: String

    static func validations(_ validations: inout Validations) {
        validations.add("email", as: String.self, is: .email && .count(...254))
        validations.add("password", as: String.self, is: .count(12...128))
        validations.add("displayName", as: String.self, is: !.empty && .count(...80))
    }
}

struct LoginRequest: Content, Validatable {
    let email: String
    let password: String

    static func validations(_ validations: inout Validations) {
        validations.add("email", as: String.self, is: .email)
        validations.add("password", as: String.self, is: .count(1...128))
    }
}

struct EntryRequest: Content, Validatable {
    let title: String
    let body: String

    static func validations(_ validations: inout Validations) {
        validations.add("title", as: String.self, is: .count(1...200))
        validations.add("body", as: String.self, is: .count(...50_000))
    }
}

struct TokenResponse: Content {
    let accessToken: String
    let tokenType: String
    let expiresIn: Int
}

func routes(_ app: Application) throws {
    app.get("healthz") { _ in ["status": "ok"] }

    let auth = app.grouped("auth")
    auth.post("register", use: register)
    auth.post("login", use: login)

    let protected = app.grouped(AccessTokenPayload.authenticator(), AccessTokenPayload.guardMiddleware())
    protected.get("entries", use: listEntries)
    protected.post("entries", use: createEntry)
    protected.get("entries", "stats", use: stats)
}

@Sendable
func register(req: Request) async throws -> Response {
    try RegisterRequest.validate(content: req)
    let input = try req.content.decode(RegisterRequest.self)
    let email = input.email.lowercased()
    if try await Author.query(on: req.db).filter(\.$email == email).first() != nil {
        throw Abort(.conflict, reason: "email already registered")
    }
    let hash = try await req.password.async.hash(input.password)
    let author = Author(email: email, passwordHash: hash, displayName: input.displayName)
    try await author.save(on: req.db)
    req.logger.info("author registered", metadata: ["user_id": "\(author.id?.uuidString ?? "-")"])
    return try await ["id": author.requireID().uuidString].encodeResponse(status: .created, for: req)
}

@Sendable
func login(req: Request) async throws -> TokenResponse {
    try LoginRequest.validate(content: req)
    let input = try req.content.decode(LoginRequest.self)
    guard let author = try await Author.query(on: req.db)
        .filter(\.$email == input.email.lowercased())
        .field(\.$id).field(\.$passwordHash)
        .first()
    else {
        throw Abort(.unauthorized, reason: "invalid credentials")
    }
    guard try await req.password.async.verify(input.password, created: author.passwordHash) else {
        req.logger.warning("login failed", metadata: ["user_id": "\(author.id?.uuidString ?? "-")"])
        throw Abort(.unauthorized, reason: "invalid credentials")
    }
    let ttl = 15 * 60
    let payload = AccessTokenPayload(
        subject: .init(value: try author.requireID().uuidString),
        expiration: .init(value: Date().addingTimeInterval(TimeInterval(ttl))),
        issuer: "journal-api"
    )
    let signed = try await req.jwt.sign(payload)
    req.logger.info("login ok", metadata: ["user_id": "\(try author.requireID())", "token_type": "Bearer"])
    return TokenResponse(accessToken: signed, tokenType: "Bearer", expiresIn: ttl)
}

@Sendable
func listEntries(req: Request) async throws -> Response {
    let token = try req.auth.require(AccessTokenPayload.self)
    guard let authorID = UUID(uuidString: token.subject.value) else {
        throw Abort(.unauthorized)
    }
    let limit = min(max(req.query[Int.self, at: "limit"] ?? 20, 1), 100)
    var query = Entry.query(on: req.db)
        .filter(\.$author.$id == authorID)
        .sort(\.$createdAt, .descending)
        .limit(limit)
    if let prefix: String = req.query["title"], !prefix.isEmpty, prefix.count <= 64 {
        let escaped = prefix
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        query = query.filter(\.$title, .custom("ILIKE"), escaped + "%")
    }
    let entries = try await query.all()
    let body = try JSONEncoder().encode(entries)
    let etag = "\"" + SHA256.hash(data: body).hex.prefix(32) + "\""
    if req.headers.first(name: .ifNoneMatch) == etag {
        return Response(status: .notModified)
    }
    var headers = HTTPHeaders()
    headers.contentType = .json
    headers.replaceOrAdd(name: .eTag, value: etag)
    return Response(status: .ok, headers: headers, body: .init(data: body))
}

@Sendable
func createEntry(req: Request) async throws -> Response {
    let token = try req.auth.require(AccessTokenPayload.self)
    guard let authorID = UUID(uuidString: token.subject.value) else {
        throw Abort(.unauthorized)
    }
    try EntryRequest.validate(content: req)
    let input = try req.content.decode(EntryRequest.self)
    let entry = Entry()
    entry.$author.id = authorID
    entry.title = input.title
    entry.body = input.body
    try await entry.save(on: req.db)
    req.logger.info("entry created", metadata: ["user_id": "\(authorID)", "entry_id": "\(entry.id?.uuidString ?? "-")"])
    return try await ["id": entry.requireID().uuidString].encodeResponse(status: .created, for: req)
}

struct MonthlyCount: Content {
    let month: String
    let count: Int
}

@Sendable
func stats(req: Request) async throws -> [MonthlyCount] {
    let token = try req.auth.require(AccessTokenPayload.self)
    guard let authorID = UUID(uuidString: token.subject.value), let sql = req.db as? any SQLDatabase else {
        throw Abort(.internalServerError)
    }
    let since = Calendar.current.date(byAdding: .month, value: -12, to: Date()) ?? Date()
    return try await sql.raw("""
        SELECT to_char(created_at, 'YYYY-MM') AS month, COUNT(*)::int AS count
          FROM entries
         WHERE author_id = \(bind: authorID) AND created_at >= \(bind: since)
         GROUP BY 1 ORDER BY 1
        """).all(decoding: MonthlyCount.self)
}
