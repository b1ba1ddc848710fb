import Foundation

extension SensitivityReport {
    /// Each input's swing on every metric, with its rank on each (1 moves it most).
    static func rankingMarkdown(_ table: SweepTable, _ all: [Sensitivity]) -> [String] {
        guard !table.parameters.isEmpty, all.contains(where: { !$0.bars.isEmpty }) else { return [] }
        var lines = ["", "## Which inputs move the outcomes most", "",
                     "| parameter | " + metrics.map { "\($0.shortName): swing (\($0 == .unservedShare ? "pp" : $0.unit)) | rank" }.joined(separator: " | ") + " |",
                     "|---|" + metrics.map { _ in "---:|---:|" }.joined()]
        for parameter in table.parameters {
            let cells = zip(metrics, all).map { metric, sensitivity -> String in
                guard let index = sensitivity.bars.firstIndex(where: { $0.parameter == parameter }) else { return "– | –" }
                return swingText(sensitivity.bars[index].swing, metric) + " | \(index + 1)"
            }
            lines.append("| `\(parameter)` | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    /// A swing in the metric's unit: $/M tokens, percentage points, or money.
    static func swingText(_ swing: Double, _ metric: SweepMetric) -> String {
        metric == .unservedShare ? NumberFormat.fixed(swing * 100, 1) : metric.format(swing)
    }

    static func tornadoHeading(_ metric: SweepMetric, lastYear: Int) -> String { "Tornado: \(metric.title(lastYear: lastYear))" }

    /// One metric's tornado as a table: the group means at each input's lowest and highest values, and its swing.
    static func tornadoMarkdown(_ sensitivity: Sensitivity, lastYear: Int) -> [String] {
        let metric = sensitivity.metric
        guard !sensitivity.bars.isEmpty else { return [] }
        var lines = ["", "### " + tornadoHeading(metric, lastYear: lastYear), "", "Median over the solved scenarios: \(metric.format(sensitivity.median)).", "",
                     "| parameter | at its lowest (\(metric.unit)) | at its highest (\(metric.unit)) | swing (\(metric == .unservedShare ? "pp" : metric.unit)) |",
                     "|---|---:|---:|---:|"]
        for bar in sensitivity.bars {
            lines.append("| `\(bar.parameter)` | \(metric.format(bar.atLow)) | \(metric.format(bar.atHigh)) | \(swingText(bar.swing, metric)) |")
        }
        return lines
    }

    /// One metric's tornado as inline SVG: a bar per input from its lowest to its highest group mean, the median dashed.
    static func tornadoSVG(_ sensitivity: Sensitivity, lastYear: Int) -> String {
        let metric = sensitivity.metric, bars = sensitivity.bars
        guard !bars.isEmpty else { return "" }
        let width = 860.0, left = 300.0, right = 40.0, rowHeight = 28.0
        let lowest = bars.map(\.minimum).min() ?? 0, highest = bars.map(\.maximum).max() ?? 1
        let span = max(highest - lowest, 1e-12)
        func x(_ value: Double) -> Double { left + (value - lowest) / span * (width - left - right) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(Double(bars.count) * rowHeight + 60))\" role=\"img\" aria-label=\"Tornado chart: \(escape(metric.title(lastYear: lastYear)))\">"
        for (k, bar) in bars.enumerated() {
            let y = 30 + Double(k) * rowHeight
            svg += "<text x=\"\(Int(left - 8))\" y=\"\(NumberFormat.fixed(y + 17, 1))\" text-anchor=\"end\" font-size=\"12\">\(escape(bar.parameter))</text>"
            svg += "<rect x=\"\(NumberFormat.fixed(x(bar.minimum), 1))\" y=\"\(NumberFormat.fixed(y + 4, 1))\" width=\"\(NumberFormat.fixed(max(1, x(bar.maximum) - x(bar.minimum)), 1))\" height=\"\(Int(rowHeight - 8))\" fill=\"#3b7dd8\"><title>\(escape(bar.parameter)): \(metric.format(bar.minimum)) – \(metric.format(bar.maximum))</title></rect>"
        }
        if sensitivity.median.isFinite {
            let mx = NumberFormat.fixed(x(sensitivity.median), 1)
            svg += "<line x1=\"\(mx)\" x2=\"\(mx)\" y1=\"20\" y2=\"\(Int(Double(bars.count) * rowHeight + 35))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(mx)\" y=\"14\" text-anchor=\"middle\" font-size=\"11\">median \(metric.format(sensitivity.median))</text>"
        }
        svg += "<text x=\"\(Int(left))\" y=\"\(Int(Double(bars.count) * rowHeight + 52))\" font-size=\"11\">\(metric.format(lowest))</text>"
        svg += "<text x=\"\(Int(width - right))\" y=\"\(Int(Double(bars.count) * rowHeight + 52))\" font-size=\"11\" text-anchor=\"end\">\(metric.format(highest))</text></svg>"
        return svg
    }
}
