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

/// SVG elements collected in drawing order, one per line.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A rectangle; `opacity` below 1 lets what is under it show (0 makes an invisible area that only carries its tooltip).
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1, tooltip: String? = nil) {
        var body = "x=\"\(SVGChart.n(x))\" y=\"\(SVGChart.n(y))\" width=\"\(SVGChart.n(max(0, width)))\" height=\"\(SVGChart.n(max(0, height)))\" fill=\"\(fill)\""
        if opacity < 1 { body += " fill-opacity=\"\(NumberFormat.fixed(opacity, 2))\"" }
        elements.append(tooltip.map { "<rect \(body)><title>\(HTMLReport.escape($0))</title></rect>" } ?? "<rect \(body)/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        let dashed = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        elements.append("<line x1=\"\(SVGChart.n(x1))\" y1=\"\(SVGChart.n(y1))\" x2=\"\(SVGChart.n(x2))\" y2=\"\(SVGChart.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVGChart.n(width))\"\(dashed)/>")
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2.5, dash: String? = nil) {
        let dashed = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        elements.append("<polyline points=\"\(Self.coordinates(points))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVGChart.n(width))\"\(dashed)/>")
    }

    /// A filled shape through `points`, closed back to the first.
    mutating func polygon(_ points: [(x: Double, y: Double)], fill: String) {
        elements.append("<polygon points=\"\(Self.coordinates(points))\" fill=\"\(fill)\"/>")
    }

    private static func coordinates(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(SVGChart.n($0.x)),\(SVGChart.n($0.y))" }.joined(separator: " ")
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, tooltip: String) {
        elements.append("<circle cx=\"\(SVGChart.n(x))\" cy=\"\(SVGChart.n(y))\" r=\"\(SVGChart.n(radius))\" fill=\"\(fill)\"><title>\(HTMLReport.escape(tooltip))</title></circle>")
    }

    /// Text; `anchor` is start, middle or end; `rotated` turns it to read bottom-up (a y-axis title).
    mutating func text(_ text: String, x: Double, y: Double, anchor: String = "start", size: Double = SVGChart.fontSize,
                       bold: Bool = false, rotated: Bool = false, fill: String = "#222") {
        var attributes = "x=\"\(SVGChart.n(x))\" y=\"\(SVGChart.n(y))\""
        if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
        if size != SVGChart.fontSize { attributes += " font-size=\"\(SVGChart.n(size))\"" }
        if bold { attributes += " font-weight=\"600\"" }
        if rotated { attributes += " transform=\"rotate(-90 \(SVGChart.n(x)) \(SVGChart.n(y)))\"" }
        if fill != "#222" { attributes += " fill=\"\(fill)\"" }
        elements.append("<text \(attributes)>\(HTMLReport.escape(text))</text>")
    }

    /// The finished `<svg>`; `label` is its accessible name.
    func render(label: String) -> String {
        let open = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGChart.n(width)) \(SVGChart.n(height))\" width=\"\(SVGChart.n(width))\" height=\"\(SVGChart.n(height))\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"\(SVGChart.n(SVGChart.fontSize))\" role=\"img\" aria-label=\"\(HTMLReport.escape(label))\">"
        return ([open, "<title>\(HTMLReport.escape(label))</title>"] + elements + ["</svg>"]).joined(separator: "\n")
    }
}
