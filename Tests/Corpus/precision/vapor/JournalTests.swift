import Crypto
import XCTVapor
import XCTest

@testable import App

final class JournalTests: XCTestCase {
    func testBcryptHashVerifies() throws {
        let hash = try Bcrypt.hash("a long enough passphrase", cost: 4)
        XCTAssertTrue(hash.hasPrefix("$2b$"))
        XCTAssertTrue(try Bcrypt.verify("a long enough passphrase", created: hash))
        XCTAssertFalse(try Bcrypt.verify("some other passphrase", created: hash))
    }

    func testSealedBoxUsesFreshNonce() throws {
        let key = SymmetricKey(size: .bits256)
        let message = Data("journal entry".utf8)
        let first = try ChaChaPoly.seal(message, using: key)
        let second = try ChaChaPoly.seal(message, using: key)
        XCTAssertNotEqual(first.combined, second.combined)
        XCTAssertEqual(try ChaChaPoly.open(first, using: key), message)
    }

    func testRegisterRejectsShortPassword() async throws {
        let app = try await Application.make(.testing)
        defer { Task { try await app.asyncShutdown() } }
        try routes(app)
        try await app.test(.POST, "auth/register", beforeRequest: { req in
            try req.content.encode(["email": "writer@example.com", "password": "short", "displayName": "W"])
        }, afterResponse: { res async in
            XCTAssertEqual(res.status, .badRequest)
        })
    }
}
