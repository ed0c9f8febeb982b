import Fluent
import Vapor

struct OrderController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get("orders", use: index)
    }

    func index(req: Request) async throws -> [OrderDTO] {
        let orders = try await Order.query(on: req.db).filter(\.$status == "paid").all()
        var result: [OrderDTO] = []
        for order in orders {
            let customer = try await Customer.find(order.customerID, on: req.db) // expect: query-performance/query-in-loop-swift
            result.append(OrderDTO(id: order.id, customer: customer?.name))
        }
        return result
    }

    func indexFast(req: Request) async throws -> [OrderDTO] {
        let orders = try await Order.query(on: req.db).with(\.$customer).all()
        return orders.map { OrderDTO(id: $0.id, customer: $0.customer.name) }
    }
}

struct OrderDTO: Content {
    let id: UUID?
    let customer: String?
}
