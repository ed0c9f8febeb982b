/// The request methods as HTTP writes them (`GET`, not `get`): what a verb-named router method
/// (`g.GET`), a JAX-RS annotation (`@GET`) or a method-first test helper (`request("GET", …)`)
/// may say.
enum HTTPMethods {
    static let all: Set<String> = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
}
