import Foundation

/// `sensitivity.md` and `sensitivity.html`: the tornado and the site switches of a sweep.
public enum SensitivityReport {
    public static func markdown(_ table: SweepTable, title: String) -> String {
        let sensitivity = Sensitivity(table)
        var lines = ["# Sensitivity: \(title)", ""]
        if table.interruptedCount > 0 {
            lines += ["**Interrupted:** the sweep was stopped before \(table.interruptedCount) of its \(table.rows.count) scenarios ran (status `interrupted` in sweep.csv); everything below covers only the scenarios that ran.", ""]
        }
        lines += ["\(table.rows.count) scenarios (\(sensitivity.succeeded) solved, \(sensitivity.failed) failed). Metric: token-weighted cost per million tokens over all sites in \(table.lastYear); median \(NumberFormat.usdPerMTok(sensitivity.median)).", "",
                     "## Which inputs move the cost per token most", "",
                     "| parameter | at its lowest ($/M tokens) | at its highest ($/M tokens) | swing ($/M tokens) |", "|---|---:|---:|---:|"]
        for bar in sensitivity.bars {
            lines.append("| `\(bar.parameter)` | \(NumberFormat.usdPerMTok(bar.atLow)) | \(NumberFormat.usdPerMTok(bar.atHigh)) | \(NumberFormat.usdPerMTok(bar.swing)) |")
        }
        lines += ["", "## Where the largest site changes", ""]
        if sensitivity.switches.isEmpty {
            lines.append("The site with the most IT installed in \(table.lastYear) is the same across every parameter's range.")
        } else {
            lines += ["| parameter | between | largest site before | after |", "|---|---|---|---|"]
            for change in sensitivity.switches {
                lines.append("| `\(change.parameter)` | \(NumberFormat.scaled(change.after)) → \(NumberFormat.scaled(change.before)) | \(change.fromSite) | \(change.toSite) |")
            }
        }
        lines += curveMarkdown(table)
        let failures = table.rows.filter { $0.status != "optimal" && $0.status != "interrupted" }
        if !failures.isEmpty {
            lines += ["", "## Failed scenarios", "", "| scenario | status | reason |", "|---:|---|---|"]
            for row in failures.prefix(50) { lines.append("| \(row.index) | \(row.status) | \(row.error.replacingOccurrences(of: "|", with: "\\|")) |") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A self-contained page with the tornado as inline SVG.
    public static func html(_ table: SweepTable, title: String) -> String {
        let sensitivity = Sensitivity(table)
        let width = 860.0, left = 300.0, right = 40.0, rowHeight = 28.0
        let bars = sensitivity.bars
        let lowest = bars.map(\.minimum).min() ?? 0, highest = bars.map(\.maximum).max() ?? 1
        let span = max(highest - lowest, 1e-12)
        func x(_ value: Double) -> Double { left + (value - lowest) / span * (width - left - right) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(Double(bars.count) * rowHeight + 60))\" role=\"img\" aria-label=\"Tornado chart\">"
        for (k, bar) in bars.enumerated() {
            let y = 30 + Double(k) * rowHeight
            svg += "<text x=\"\(Int(left - 8))\" y=\"\(NumberFormat.fixed(y + 17, 1))\" text-anchor=\"end\" font-size=\"12\">\(escape(bar.parameter))</text>"
            svg += "<rect x=\"\(NumberFormat.fixed(x(bar.minimum), 1))\" y=\"\(NumberFormat.fixed(y + 4, 1))\" width=\"\(NumberFormat.fixed(max(1, x(bar.maximum) - x(bar.minimum)), 1))\" height=\"\(Int(rowHeight - 8))\" fill=\"#3b7dd8\"><title>\(escape(bar.parameter)): \(NumberFormat.usdPerMTok(bar.minimum)) – \(NumberFormat.usdPerMTok(bar.maximum))</title></rect>"
        }
        if sensitivity.median.isFinite {
            let mx = NumberFormat.fixed(x(sensitivity.median), 1)
            svg += "<line x1=\"\(mx)\" x2=\"\(mx)\" y1=\"20\" y2=\"\(Int(Double(bars.count) * rowHeight + 35))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(mx)\" y=\"14\" text-anchor=\"middle\" font-size=\"11\">median \(NumberFormat.usdPerMTok(sensitivity.median))</text>"
        }
        svg += "<text x=\"\(Int(left))\" y=\"\(Int(Double(bars.count) * rowHeight + 52))\" font-size=\"11\">\(NumberFormat.usdPerMTok(lowest))</text>"
        svg += "<text x=\"\(Int(width - right))\" y=\"\(Int(Double(bars.count) * rowHeight + 52))\" font-size=\"11\" text-anchor=\"end\">\(NumberFormat.usdPerMTok(highest)) per million tokens</text></svg>"
        let body = markdownTables(markdown(table, title: title))
        return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sensitivity: \(escape(title))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}</style></head>
        <body><h1>Sensitivity: \(escape(title))</h1><h2>Tornado: cost per million tokens in \(table.lastYear)</h2>\(svg)\(curveHTML(table))\(body)</body></html>

        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The markdown's tables as HTML tables (the page shows the same numbers as the text).
    private static func markdownTables(_ markdown: String) -> String {
        var html = "", inTable = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropFirst(2) {
            if line.hasPrefix("|") {
                if line.hasPrefix("|---") { continue }
                if !inTable { html += "<table>"; inTable = true }
                let cells = line.split(separator: "|").map { escape($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")) }
                html += "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
                continue
            }
            if inTable { html += "</table>"; inTable = false }
            if line.hasPrefix("## ") { html += "<h2>\(escape(String(line.dropFirst(3)).replacingOccurrences(of: "`", with: "")))</h2>" } else if !line.isEmpty { html += "<p>\(escape(line))</p>" }
        }
        return html + (inTable ? "</table>" : "")
    }
}
