/// `tokengrid compare A B`: what changed between two runs (`compare.md`, `compare.html`) — the headline figures, the
/// inputs that differ (files, overrides, every value of the loaded scenario), capacity and cost per token by site,
/// marginal costs, binding limits and unserved demand. Same two files, same bytes.
public enum ComparisonReport {
    /// The comparison as GitHub-flavoured Markdown.
    public static func markdown(_ a: PlanSnapshot, _ b: PlanSnapshot) -> String {
        MarkdownReport.render(ReportDocument(comparing: a, b))
    }

    /// The comparison as a self-contained HTML page, with charts of capacity and cost per token by site.
    public static func html(_ a: PlanSnapshot, _ b: PlanSnapshot) -> String {
        HTMLReport.render(ReportDocument(comparing: a, b), data: nil)
    }

    /// The comparison as Markdown and as HTML, from one comparison of the two runs.
    public static func render(_ a: PlanSnapshot, _ b: PlanSnapshot) -> (markdown: String, html: String) {
        let document = ReportDocument(comparing: a, b)
        return (MarkdownReport.render(document), HTMLReport.render(document, data: nil))
    }

    /// The few lines `tokengrid compare` prints: the headline figures, A → B.
    public static func summary(_ a: PlanSnapshot, _ b: PlanSnapshot) -> String {
        let rows = ReportDocument.headlineRows(a, b)
        let width = rows.map(\.name.count).max() ?? 0
        return (["compare \(a.planName) (A, \(a.source)) with \(b.planName) (B, \(b.source))"]
            + rows.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \($0.a) → \($0.b)" + ($0.change.isEmpty ? "" : " (\($0.change))") })
            .joined(separator: "\n")
    }
}
