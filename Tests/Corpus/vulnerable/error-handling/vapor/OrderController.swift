import Fluent
import Vapor

struct OrderController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let orders = routes.grouped("orders")
        orders.get(":id", use: show)
        orders.post(use: create)
    }

    func show(req: Request) async throws -> Order {
        guard let order = try await Order.find(req.parameters.get("id"), on: req.db) else {
            throw Abort(.notFound)
        }
        return order
    }

    func create(req: Request) async throws -> Order {
        let order = try req.content.decode(Order.self)
        do {
            try await order.save(on: req.db)
        } catch {
            req.logger.report(error: error)
            throw Abort(.internalServerError, reason: "Save failed: \(error)") // expect: error-handling/exception-in-response-swift
        }
        do { // expect: error-handling/empty-catch-swift
            try await req.queue.dispatch(OrderCreatedJob.self, order.id!)
        } catch {
        }
        return order
    }
}
