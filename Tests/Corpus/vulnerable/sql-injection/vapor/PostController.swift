import Fluent
import SQLKit
import Vapor

struct PostController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let posts = routes.grouped("posts")
        posts.get(use: index)
        posts.get("search", use: search)
        posts.delete(":slug", use: delete)
    }

    func index(req: Request) async throws -> [PostRow] {
        let sql = req.db as! SQLDatabase
        let author = req.query["author"] ?? ""
        return try await sql.raw("SELECT * FROM posts WHERE author = \(bind: author)").all(decoding: PostRow.self)
    }

    func search(req: Request) async throws -> [PostRow] {
        let sql = req.db as! SQLDatabase
        let term = try req.query.get(String.self, at: "q")
        let sort = req.query[String.self, at: "sort"] ?? "created_at"
        let limit = req.query[Int.self, at: "limit"] ?? 20
        return try await sql.raw("SELECT * FROM posts WHERE title LIKE \(bind: "%" + term + "%") ORDER BY \(unsafeRaw: sort) LIMIT \(unsafeRaw: String(limit))") // expect: input-validation/sql-injection-swift
            .all(decoding: PostRow.self)
    }

    func delete(req: Request) async throws -> HTTPStatus {
        let sql = req.db as! SQLDatabase
        guard let slug = req.parameters.get("slug") else { throw Abort(.badRequest) }
        let query = "DELETE FROM posts WHERE slug = '\(slug)'"
        try await sql.raw(SQLQueryString(query)).run() // expect: input-validation/sql-injection-swift
        return .noContent
    }
}
