/// Inline SVG charts for `report.html`. Coordinates go through `NumberFormat` and text through `HTMLReport.escape`,
/// so the markup is byte-identical for the same input and safe for any site or zone name.
enum SVGChart {
    /// One named series, one value per category, drawn in `color`.
    struct Series {
        var name: String
        var values: [Double]
        var color: String
    }

    /// Twenty distinguishable colours (Tableau 10, then its lighter and extra tones), cycled past the end.
    static func color(_ index: Int) -> String { palette[index % palette.count] }

    private static let palette = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
        "#1f77b4", "#bcbd22", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#aec7e8", "#ffbb78", "#98df8a", "#c5b0d5",
    ]

    static let fontSize = 12.0
    static let gridColour = "#e2e2e2"
    static let axisColour = "#555"

    /// Approximate width of `text` in the chart font: there is no text measurement in SVG markup, and a generous
    /// estimate keeps labels from overlapping.
    static func textWidth(_ text: String, size: Double = fontSize) -> Double { Double(text.count) * size * 0.6 }

    /// A number for an axis or a bar label: SI suffix, trailing zeros dropped ("2.5 G", "40", "0.12").
    static func compact(_ value: Double) -> String {
        let text = NumberFormat.scaled(value)
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        var number = parts[0]
        if number.contains(".") {
            while number.hasSuffix("0") { number.removeLast() }
            if number.hasSuffix(".") { number.removeLast() }
        }
        return parts.count > 1 ? number + " " + parts[1] : number
    }

    /// A coordinate with one decimal.
    static func n(_ value: Double) -> String { NumberFormat.fixed(value, 1) }

    /// How a legend entry is drawn.
    enum LegendMark { case box, line, dashedLine, horizontalDashedLine }

    /// A legend column at (`x`, `y`), one entry per line.
    static func legend(_ entries: [(name: String, color: String, mark: LegendMark)], x: Double, y: Double, into canvas: inout SVGCanvas) {
        for (k, entry) in entries.enumerated() {
            let top = y + Double(k) * 18
            switch entry.mark {
            case .box: canvas.rect(x: x, y: top, width: 12, height: 12, fill: entry.color)
            case .line: canvas.line(x1: x, y1: top + 6, x2: x + 12, y2: top + 6, stroke: entry.color, width: 2.5)
            case .dashedLine: canvas.line(x1: x + 6, y1: top - 1, x2: x + 6, y2: top + 13, stroke: entry.color, width: 2, dash: "3 2")
            case .horizontalDashedLine: canvas.line(x1: x, y1: top + 6, x2: x + 14, y2: top + 6, stroke: entry.color, width: 2, dash: "4 2")
            }
            canvas.text(entry.name, x: x + 18, y: top + 10)
        }
    }

    /// Width a legend of these names takes.
    static func legendWidth(_ names: [String]) -> Double { (names.map { textWidth($0) }.max() ?? 0) + 30 }
}
