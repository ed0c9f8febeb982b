@testable import BackcheckAPI
import BackcheckYAML
import Testing

@Suite struct OpenAPIReaderTests {
    private func read(_ text: String, path: String = "openapi.yaml", files: [String: String] = [:]) throws(YAMLFileError) -> OpenAPIDocument? {
        try OpenAPIReader.read(path: path, text: text, load: { files[$0] })
    }

    private func operations(_ document: OpenAPIDocument?) -> [String] {
        (document?.operations ?? []).map { "\($0.method) \($0.path) @\($0.line)" }.sorted()
    }

    @Test func openAPI3WithServersParametersAndResponses() throws {
        let document = try #require(try read("""
            openapi: 3.0.3
            info: {title: t, version: "1"}
            servers:
              - url: https://api.shop.test/v2
              - url: /
            paths:
              /users/{id}:
                parameters:
                  - {name: id, in: path, required: true}
                get:
                  operationId: getUser
                  responses:
                    "200": {description: ok}
                    "404": {description: missing}
                delete:
                  operationId: deleteUser
                  parameters:
                    - {name: force, in: query}
                  responses:
                    "204": {description: gone}
                    4XX: {description: bad}
            """))
        #expect(document.version == "3.0.3")
        #expect(document.basePaths == ["/v2", ""])
        #expect(operations(document) == ["DELETE /users/{id} @15", "GET /users/{id} @10"])
        let delete = try #require(document.operations.first { $0.method == "DELETE" })
        #expect(delete.pathParameters == ["id"], "the path item's parameter applies to each operation")
        #expect(delete.responses.sorted() == ["204", "4XX"])
        #expect(document.problems.isEmpty, "\(document.problems)")
    }

    @Test func swagger2BasePathHostAndSecurityDefinitions() throws {
        let document = try #require(try read("""
            swagger: "2.0"
            info: {title: t, version: "1"}
            host: api.example.com
            basePath: /api/
            securityDefinitions:
              token: {type: apiKey, in: header, name: Authorization}
            security:
              - token: []
              - session: []
            paths:
              /orders:
                get:
                  operationId: listOrders
                  responses: {"200": {description: ok}, default: {description: error}}
            """))
        #expect(document.basePaths == ["/api"])
        #expect(document.securitySchemes == ["token"])
        #expect(document.hasGlobalSecurity)
        #expect(document.problems.map(\.kind) == [.serverExampleDomain, .undefinedSecurityScheme])
        #expect(document.problems.map(\.line) == [3, 9])
    }

    @Test func jsonDocumentsAreReadAsYAML() throws {
        let document = try read("""
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/health": {"get": {"operationId": "health", "responses": {"200": {"description": "ok"}, "503": {"description": "down"}}}}}}
            """, path: "api/openapi.json")
        #expect(operations(document) == ["GET /health @2"])
        #expect(document?.problems.map(\.kind) == [.missingErrorResponse])
    }

    /// A relative `$ref` that every file repeats leads one directory deeper each time; where each
    /// such file exists the reader stops at ``DocumentNodes/maxFiles`` files (found by FuzzAPI: a
    /// loader answering every path made the audit hang).
    @Test func aReferenceChainIntoEverDeeperFilesEnds() throws {
        let text = """
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /u:
                $ref: "sub/openapi.yaml"
            """
        let document = try OpenAPIReader.read(path: "openapi.yaml", text: text, load: { _ in text })
        #expect(document?.references.count == DocumentNodes.maxFiles - 1)
    }

    @Test func referencesAcrossFilesAreFollowed() throws {
        let files = [
            "spec/paths/users.yaml": """
                get:
                  operationId: listUsers
                  parameters:
                    - $ref: "../parameters.yaml#/Limit"
                  responses:
                    "200": {description: ok}
                    "400": {$ref: "#/components/responses/Missing"}
                """,
            "spec/parameters.yaml": "Limit: {name: limit, in: query}\n",
        ]
        let document = try #require(try read("""
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /users:
                $ref: "./paths/users.yaml"
              /users/{id}:
                get:
                  operationId: getUser
                  parameters: [{$ref: "#/components/parameters/Id"}]
                  responses: {"200": {description: ok}, "404": {description: missing}}
            components:
              parameters:
                Id: {name: id, in: path, required: true}
            """, path: "spec/openapi.yaml", files: files))
        #expect(operations(document) == ["GET /users @4", "GET /users/{id} @7"])
        #expect(document.operations.first { $0.path == "/users/{id}" }?.pathParameters == ["id"])
        #expect(document.references.sorted() == ["spec/parameters.yaml", "spec/paths/users.yaml"])
        // `#/components/responses/Missing` is local to users.yaml, which has no components.
        #expect(document.problems.map { "\($0.kind.rawValue) \($0.path):\($0.line)" } == ["unresolved-ref spec/paths/users.yaml:7"])
    }

    @Test func unresolvedReferencesAnywhereAreReportedOnceAndRemoteOnesIgnored() throws {
        let document = try #require(try read("""
            openapi: 3.0.3
            info: {title: t, version: "1"}
            paths:
              /a:
                get:
                  operationId: a
                  parameters: [{$ref: "#/components/parameters/Nope"}]
                  responses: {"200": {$ref: "https://schemas.test/ok.yaml"}, "400": {description: bad}}
            components:
              schemas:
                Order: {properties: {lines: {items: {$ref: "#/components/schemas/Line"}}}}
                Escaped: {$ref: "#/components/schemas/Order~1x"}
                Link: {$ref: "../outside.yaml"}
            """))
        #expect(document.problems.map { "\($0.kind.rawValue):\($0.line)" }.sorted()
            == ["unresolved-ref:11", "unresolved-ref:12", "unresolved-ref:13", "unresolved-ref:7"])
    }

    @Test func completenessChecks() throws {
        let document = try #require(try read("""
            openapi: 3.0.3
            info: {title: t, version: "1"}
            servers: [{url: "https://api.shop.test/"}]
            paths:
              /users/{id}:
                get:
                  operationId: user
                  responses: {"404": {description: missing}}
              /users/{userId}:
                put:
                  operationId: user
                  parameters: [{name: userId, in: path}, {name: extra, in: path}]
                  responses: {"200": {description: ok}}
              /search?q={q}:
                get:
                  responses: {"200": {description: ok}, "400": {description: bad}}
            """))
        #expect(document.problems.map { "\($0.kind.rawValue):\($0.line)" }.sorted() == [
            "ambiguous-paths:9", "duplicate-operation-id:10", "missing-error-response:10", "missing-operation-id:15",
            "missing-success-response:6", "path-includes-query:14", "path-parameter-not-declared:15",
            "path-parameter-not-declared:6", "path-parameter-not-in-path:10", "server-trailing-slash:3",
        ])
    }

    @Test func otherYAMLIsNoDocumentAndBrokenYAMLIsAnErrorAtItsLine() throws {
        #expect(try read("name: ci\non: [push]\n") == nil)
        #expect(try read("- openapi\n") == nil)
        do {
            _ = try read("openapi: 3.0.0\npaths:\n  /a: [unclosed\n")
            Issue.record("broken YAML must not read as a document")
        } catch {
            #expect(error.file == "openapi.yaml")
            #expect(error.line != nil)
        }
    }
}
