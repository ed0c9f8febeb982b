import Foundation

/// `backcheck routes` output: a table for people, JSON for scripts.
public enum RouteTable {
    public static func text(_ routes: [ResolvedRoute]) -> String {
        guard !routes.isEmpty else { return "No routes found.\n" }
        let rows = routes.map { route in
            [route.route.methods.joined(separator: ","), route.path + (route.prefixKnown ? "" : " ?"),
             route.route.handler ?? "-", "\(route.file):\(route.route.line)", route.route.framework]
        }
        let header = ["METHOD", "PATH", "HANDLER", "LOCATION", "FRAMEWORK"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let legend = routes.contains { !$0.prefixKnown }
            ? " (? after a path: its router is mounted where backcheck does not see, so a prefix may be missing)" : ""
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n\(routes.count) route\(routes.count == 1 ? "" : "s")\(legend)\n"
    }

    public static func json(_ routes: [ResolvedRoute]) -> String {
        let objects: [[String: Any]] = routes.map { route in
            var object: [String: Any] = [
                "methods": route.route.methods, "path": route.path, "file": route.file, "line": route.route.line,
                "column": route.route.column, "framework": route.route.framework, "prefixKnown": route.prefixKnown,
            ]
            if let handler = route.route.handler { object["handler"] = handler }
            return object
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["routes": objects], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
