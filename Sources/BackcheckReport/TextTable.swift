/// A table of left-aligned columns separated by two spaces, padded by character count before
/// styling so escape sequences never break the alignment. The last column is not padded.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Per row, a styling applied to each padded cell (column index, text) -> text.
    var styles: [(Int, String) -> String] = []

    init(header: [String]) {
        self.header = header
    }

    mutating func append(_ row: [String], style: @escaping (Int, String) -> String = { $1 }) {
        rows.append(row)
        styles.append(style)
    }

    func render(headerStyle: (String) -> String = { $0 }) -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String], _ style: (Int, String) -> String) -> String {
            cells.enumerated().map { column, cell in
                let padded = column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
                return style(column, padded)
            }.joined(separator: "  ")
        }
        var lines = [line(header) { headerStyle($1) }]
        for (row, style) in zip(rows, styles) { lines.append(line(row, style)) }
        return lines.joined(separator: "\n") + "\n"
    }
}
