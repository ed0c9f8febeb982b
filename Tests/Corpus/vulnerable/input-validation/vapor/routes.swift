import Foundation
import Vapor

func routes(_ app: Application) throws {
    app.get("files") { req -> Response in
        let name = try req.query.get(String.self, at: "name")
        return req.fileio.streamFile(at: "/srv/files/" + name) // expect: input-validation/path-traversal-swift
    }

    app.get("files-safe") { req -> Response in
        let name = try req.query.get(String.self, at: "name")
        let safe = URL(fileURLWithPath: name).lastPathComponent
        return req.fileio.streamFile(at: "/srv/files/" + safe)
    }

    app.get("login", "done") { req -> Response in
        let next = try req.query.get(String.self, at: "next")
        return req.redirect(to: next) // expect: input-validation/open-redirect-swift
    }

    app.get("orders", ":id") { req -> Response in
        let id = try req.parameters.require("id", as: Int.self)
        return req.redirect(to: "/orders/\(id)/summary")
    }

    app.post("thumbnail") { req -> HTTPStatus in
        let file = try req.query.get(String.self, at: "file")
        let task = Process()
        task.executableURL = URL(fileURLWithPath: "/bin/sh")
        task.arguments = ["-c", "convert \(file) -resize 64x64 /tmp/thumb.png"] // expect: input-validation/command-injection-swift
        try task.run()
        return .accepted
    }

    app.get("greet") { req -> String in
        let name = try req.query.get(String.self, at: "name")
        return "Hello \(name)"
    }

    app.get("hello") { req -> Response in
        let name = try req.query.get(String.self, at: "name")
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: "<h1>Hello \(name)</h1>")) // expect: input-validation/xss-swift
    }
}
