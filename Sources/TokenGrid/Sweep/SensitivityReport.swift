import Foundation

/// `sensitivity.md` and `sensitivity.html`: which varied inputs move the total cost, the unserved share and the cost
/// per token most (a tornado each, ranked), a heatmap of each over a two-parameter grid, and where the largest site
/// changes.
public enum SensitivityReport {
    /// The metrics ranked, in the order the report shows them.
    static let metrics: [SweepMetric] = [.costPerToken, .unservedShare, .discountedCost]

    public static func markdown(_ table: SweepTable, title: String) -> String {
        markdown(table, title: title, sensitivities: metrics.map { Sensitivity(table, metric: $0) })
    }

    /// The Markdown with each metric's ``Sensitivity`` worked out already (in ``metrics`` order).
    private static func markdown(_ table: SweepTable, title: String, sensitivities all: [Sensitivity]) -> String {
        // The first metric is the cost per token, the default one: its counts and site switches head the report.
        let sensitivity = all[0]
        var lines = ["# Sensitivity: \(title)", ""]
        if table.interruptedCount > 0 {
            lines += ["**Interrupted:** the sweep was stopped before \(table.interruptedCount) of its \(table.rows.count) scenarios ran (status `interrupted` in sweep.csv); everything below covers only the scenarios that ran.", ""]
        }
        lines += ["\(table.rows.count) scenarios (\(sensitivity.succeeded) solved, \(sensitivity.failed) failed). Each input's swing is how far an outcome's mean moves over the input's range, the other inputs averaging out."]
        lines += rankingMarkdown(table, all)
        for sensitivity in all { lines += tornadoMarkdown(sensitivity, lastYear: table.lastYear) }
        lines += heatmapMarkdown(table)
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

    /// A self-contained page: the Markdown's text and tables, each metric's tornado under its heading and the heatmaps
    /// as inline SVG.
    public static func html(_ table: SweepTable, title: String) -> String {
        let all = metrics.map { Sensitivity(table, metric: $0) }
        var figures: [String: String] = [:]
        for sensitivity in all {
            figures[tornadoHeading(sensitivity.metric, lastYear: table.lastYear)] = tornadoSVG(sensitivity, lastYear: table.lastYear)
        }
        if let grid = HeatmapGrid(table) {
            for metric in metrics { figures[heatmapHeading(metric, lastYear: table.lastYear)] = heatmapSVG(grid, metric: metric, lastYear: table.lastYear) }
        }
        if let curve = curveSVG(table) { figures[curveHeading(table)] = curve }
        let body = markdownTables(markdown(table, title: title, sensitivities: all), figures: figures)
        return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sensitivity: \(escape(title))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}svg{max-width:100%;height:auto;display:block}</style></head>
        <body><h1>Sensitivity: \(escape(title))</h1>\(body)</body></html>

        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The markdown as HTML: tables, `##` and `###` headings (each followed by its figure from `figures`, if any) and
    /// paragraphs (the page shows the same numbers as the text).
    private static func markdownTables(_ markdown: String, figures: [String: String]) -> String {
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
            if line.hasPrefix("## ") || line.hasPrefix("### ") {
                let level = line.hasPrefix("## ") ? 2 : 3, heading = String(line.dropFirst(level + 1))
                html += "<h\(level)>\(escape(heading.replacingOccurrences(of: "`", with: "")))</h\(level)>" + (figures[heading] ?? "")
            } else if !line.isEmpty {
                html += "<p>\(escape(line.replacingOccurrences(of: "`", with: "")))</p>"
            }
        }
        return html + (inTable ? "</table>" : "")
    }
}
