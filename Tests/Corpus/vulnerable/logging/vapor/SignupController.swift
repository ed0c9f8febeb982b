import Vapor

struct SignupRequest: Content {
    let email: String
    let name: String
}

struct SignupController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.post("signup", use: signup)
    }

    func signup(req: Request) async throws -> HTTPStatus {
        req.logger.info("signup body \(req.body)") // expect: logging/request-logged-swift
        let input = try req.content.decode(SignupRequest.self)
        req.logger.info("signup from \(input.email)") // expect: logging/pii-in-log-swift
        req.logger.info("signup \(req.method) \(req.url.path)")
        req.logger.debug("signup email \(input.email)")
        return .created
    }
}
