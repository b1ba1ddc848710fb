import Foundation

/// The scenarios of a two-parameter grid sweep, arranged by their two values (first parameter down, second across).
struct HeatmapGrid {
    var parameters: (String, String)
    var rowValues: [Double]
    var columnValues: [Double]
    var rows: [[SweepRow?]]

    /// At most this many values of each parameter.
    static let maximumValues = 12

    /// The grid of `table`, or nil unless it varies two parameters over a full grid of at most 12 × 12 values.
    init?(_ table: SweepTable) {
        guard table.parameters.count == 2 else { return nil }
        let ran = table.rows.filter { $0.status != "interrupted" }
        let down = Array(Set(ran.map { $0.values[0] })).sorted(), across = Array(Set(ran.map { $0.values[1] })).sorted()
        guard (2 ... Self.maximumValues).contains(down.count), (2 ... Self.maximumValues).contains(across.count),
              ran.count == down.count * across.count else { return nil }
        var cells = Array(repeating: [SweepRow?](repeating: nil, count: across.count), count: down.count)
        for row in ran {
            guard let i = down.firstIndex(of: row.values[0]), let j = across.firstIndex(of: row.values[1]), cells[i][j] == nil else { return nil }
            cells[i][j] = row
        }
        parameters = (table.parameters[0], table.parameters[1])
        rowValues = down
        columnValues = across
        rows = cells
    }

    /// The metric in each cell (nan where the scenario did not solve).
    func values(_ metric: SweepMetric) -> [[Double]] {
        rows.map { $0.map { row in row.map { $0.status == "optimal" ? metric.value($0) : .nan } ?? .nan } }
    }
}

extension SensitivityReport {
    static func heatmapHeading(_ metric: SweepMetric, lastYear: Int) -> String { "Heatmap: \(metric.title(lastYear: lastYear))" }

    /// Each metric over a two-parameter grid, as a table: the first parameter's values down, the second's across.
    static func heatmapMarkdown(_ table: SweepTable) -> [String] {
        guard let grid = HeatmapGrid(table) else { return [] }
        var lines = ["", "## Over the grid of `\(grid.parameters.0)` and `\(grid.parameters.1)`", "",
                     "Each scenario's outcome, `\(grid.parameters.0)` down and `\(grid.parameters.1)` across (\"–\": not solved)."]
        for metric in metrics {
            let values = grid.values(metric)
            lines += ["", "### " + heatmapHeading(metric, lastYear: table.lastYear), "",
                      "| `\(grid.parameters.0)` ↓ `\(grid.parameters.1)` → | " + grid.columnValues.map { NumberFormat.scaled($0) }.joined(separator: " | ") + " |",
                      "|---|" + grid.columnValues.map { _ in "---:|" }.joined()]
            for (i, value) in grid.rowValues.enumerated() {
                lines.append("| \(NumberFormat.scaled(value)) | " + values[i].map { metric.format($0) }.joined(separator: " | ") + " |")
            }
        }
        return lines
    }

    /// A metric over the grid as inline SVG: one cell per scenario, shaded from its lowest (light) to its highest value
    /// (dark), its value written in it.
    static func heatmapSVG(_ grid: HeatmapGrid, metric: SweepMetric, lastYear: Int) -> String {
        let values = grid.values(metric), finite = values.flatMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let labels = grid.rowValues.map { NumberFormat.scaled($0) }
        let left = max(90, Double(labels.map(\.count).max() ?? 0) * 7.5 + 24), top = 60.0, width = 860.0
        let cellWidth = min(110, (width - left - 10) / Double(grid.columnValues.count)), cellHeight = 30.0
        let height = top + cellHeight * Double(grid.rowValues.count) + 34
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"system-ui, sans-serif\" font-size=\"11\" role=\"img\" aria-label=\"Heatmap: \(escape(metric.title(lastYear: lastYear)))\">"
        svg += "<text x=\"4\" y=\"14\" font-size=\"12\">across: \(escape(grid.parameters.1)) →</text>"
        svg += "<text x=\"4\" y=\"31\" font-size=\"12\">down: \(escape(grid.parameters.0)) ↓</text>"
        for (j, value) in grid.columnValues.enumerated() {
            svg += "<text x=\"\(NumberFormat.fixed(left + cellWidth * (Double(j) + 0.5), 1))\" y=\"\(NumberFormat.fixed(top - 6, 1))\" text-anchor=\"middle\">\(escape(NumberFormat.scaled(value)))</text>"
        }
        for (i, label) in labels.enumerated() {
            let y = top + cellHeight * Double(i)
            svg += "<text x=\"\(NumberFormat.fixed(left - 6, 1))\" y=\"\(NumberFormat.fixed(y + cellHeight / 2 + 4, 1))\" text-anchor=\"end\">\(escape(label))</text>"
            for (j, value) in values[i].enumerated() {
                let x = left + cellWidth * Double(j)
                let share = value.isFinite && high > low ? (value - low) / (high - low) : 0
                let fill = value.isFinite ? shade(share) : "#e6e6e6"
                let text = metric.format(value)
                svg += "<rect x=\"\(NumberFormat.fixed(x, 1))\" y=\"\(NumberFormat.fixed(y, 1))\" width=\"\(NumberFormat.fixed(cellWidth - 2, 1))\" height=\"\(NumberFormat.fixed(cellHeight - 2, 1))\" fill=\"\(fill)\"><title>\(escape(grid.parameters.0)) = \(escape(label)), \(escape(grid.parameters.1)) = \(escape(NumberFormat.scaled(grid.columnValues[j]))): \(escape(text))</title></rect>"
                svg += "<text x=\"\(NumberFormat.fixed(x + cellWidth / 2 - 1, 1))\" y=\"\(NumberFormat.fixed(y + cellHeight / 2 + 3, 1))\" text-anchor=\"middle\" fill=\"\(share > 0.55 ? "#fff" : "#222")\">\(escape(text))</text>"
            }
        }
        svg += "<text x=\"\(NumberFormat.fixed(left, 1))\" y=\"\(NumberFormat.fixed(height - 10, 1))\" fill=\"#555\">light: lowest (\(escape(metric.format(low)))), dark: highest (\(escape(metric.format(high))))</text></svg>"
        return svg
    }

    /// A blue from light (0) to dark (1).
    private static func shade(_ share: Double) -> String {
        let light = (247.0, 251.0, 255.0), dark = (8.0, 48.0, 107.0), t = min(1, max(0, share))
        let channels = [light.0 + (dark.0 - light.0) * t, light.1 + (dark.1 - light.1) * t, light.2 + (dark.2 - light.2) * t]
        return "#" + channels.map { String(format: "%02x", Int($0.rounded())) }.joined()
    }
}
