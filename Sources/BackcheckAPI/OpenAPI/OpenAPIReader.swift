import BackcheckModel
import BackcheckYAML
import Yams

/// Reads an OpenAPI or Swagger document (YAML or JSON; JSON is read as the YAML it is) into an
/// ``OpenAPIDocument``. Tolerant: a part of the wrong shape is left out, never a failure; only
/// text that does not parse is an error, at its line.
public enum OpenAPIReader {
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The document at `path`; nil when the text is not an OpenAPI or Swagger document.
    /// `load(path)` returns the text of another root-relative file named by a `$ref`.
    public static func read(path: String, text: String, load: @escaping (String) -> String?) throws(YAMLFileError) -> OpenAPIDocument? {
        guard let root = try YAMLDocument.compose(text, file: path, detail: .problem), let map = root.mapping,
              let version = (map["openapi"] ?? map["swagger"])?.string else { return nil }
        var nodes = DocumentNodes(root: root, path: path, load: load)
        let isSwagger = map["swagger"] != nil
        var problems: [OpenAPIProblem] = []
        let product = OpenAPIChecks.productName(title: map["info"]?.mapping?["title"]?.string)
        let servers = isSwagger ? [] : (map["servers"]?.sequence.map(Array.init) ?? [])
        var basePaths = servers.compactMap { server -> String? in
            guard let url = server.mapping?["url"], let text = url.string else { return nil }
            problems += OpenAPIChecks.server(text, product: product, path: path, line: url.mark?.line ?? 1, column: url.mark?.column ?? 1)
            return basePath(of: text)
        }
        if isSwagger, let host = map["host"], let text = host.string {
            problems += OpenAPIChecks.server(text, product: product, path: path, line: host.mark?.line ?? 1, column: host.mark?.column ?? 1)
        }
        if isSwagger, let base = map["basePath"]?.string { basePaths = [basePath(of: base)] }
        if basePaths.isEmpty { basePaths = [""] }
        let schemes = isSwagger ? map["securityDefinitions"]?.mapping : map["components"]?.mapping?["securitySchemes"]?.mapping
        let securitySchemes = schemes.map { $0.keys.compactMap(\.string) } ?? []
        let globalSecurity = map["security"]
        problems += OpenAPIChecks.security(globalSecurity, schemes: Set(securitySchemes), path: path)

        var operations: [OpenAPIOperation] = []
        for (key, value) in map["paths"]?.mapping ?? [:] {
            guard let template = key.string,
                  let item = nodes.resolve(DocumentNodes.Located(node: value, file: path)), let itemMap = item.node.mapping else { continue }
            let pathLine = key.mark?.line ?? 1
            let pathColumn = key.mark?.column ?? 1
            let shared = parameters(itemMap["parameters"], file: item.file, nodes: &nodes)
            for method in methods {
                guard let operationNode = itemMap[method], let operation = operationNode.mapping else { continue }
                let own = parameters(operation["parameters"], file: item.file, nodes: &nodes)
                // An operation's parameter replaces the path item's of the same name and place.
                var merged: [String: String] = [:]
                for parameter in shared + own { merged[parameter.location + "\u{0}" + parameter.name] = parameter.name }
                let pathParameters = merged.filter { $0.key.hasPrefix("path\u{0}") }.map(\.value).sorted()
                let responses = (nodes.resolve(DocumentNodes.Located(node: operation["responses"] ?? Node(""), file: item.file))?
                    .node.mapping?.keys.compactMap(\.string)) ?? []
                let security = operation["security"]
                problems += OpenAPIChecks.security(security, schemes: Set(securitySchemes), path: item.file)
                let methodKey = item.file == path ? itemMap.keys.first { $0.string == method } : nil
                operations.append(OpenAPIOperation(
                    method: method.uppercased(), path: template,
                    line: methodKey?.mark?.line ?? pathLine, column: methodKey?.mark?.column ?? pathColumn,
                    pathLine: pathLine, pathColumn: pathColumn,
                    operationId: operation["operationId"]?.string, pathParameters: pathParameters, responses: responses,
                    security: security.map { ($0.sequence?.count ?? 0) > 0 }))
            }
        }
        problems += OpenAPIChecks.operations(operations, path: path)
        nodes.checkReferences()
        return OpenAPIDocument(path: path, version: version, basePaths: basePaths, operations: operations,
                               securitySchemes: securitySchemes.sorted(), hasGlobalSecurity: (globalSecurity?.sequence?.count ?? 0) > 0,
                               problems: nodes.problems + problems, references: nodes.referencedFiles)
    }

    /// The `in` and `name` of each parameter of a `parameters` list, `$ref`s followed.
    private static func parameters(_ node: Node?, file: String, nodes: inout DocumentNodes) -> [(location: String, name: String)] {
        guard let list = node?.sequence else { return [] }
        return list.compactMap { entry in
            guard let parameter = nodes.resolve(DocumentNodes.Located(node: entry, file: file))?.node.mapping,
                  let name = parameter["name"]?.string, let location = parameter["in"]?.string else { return nil }
            return (location, name)
        }
    }

    /// `https://api.test/v1/` → `/v1`; `/` → "".
    static func basePath(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
        }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }
}
