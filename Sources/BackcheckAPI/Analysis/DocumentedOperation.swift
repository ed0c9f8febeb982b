/// One operation of an OpenAPI document with the document's base path applied: what a route in
/// code is compared with.
struct DocumentedOperation {
    var document: String
    var method: String
    /// The full path template (base path + path key as written), in ``RoutePath`` form.
    var path: String
    var key: String
    var line: Int
    var column: Int
    var parameters: [String]

    /// Every operation of `documents`, once per base path.
    static func all(_ documents: [OpenAPIDocument]) -> [DocumentedOperation] {
        documents.flatMap { document in
            document.operations.flatMap { operation in
                (document.basePaths.isEmpty ? [""] : document.basePaths).map { base in
                    let path = RoutePath.join(base, operation.path)
                    return DocumentedOperation(document: document.path, method: operation.method, path: path,
                                               key: RoutePath.key(path), line: operation.line, column: operation.column,
                                               parameters: RoutePath.parameters(path))
                }
            }
        }
    }
}
