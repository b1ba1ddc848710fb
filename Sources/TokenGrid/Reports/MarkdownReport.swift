/// `report.md` (placeholder: rendered by MarkdownReport+Sections).
public enum MarkdownReport {
    public static func render(_ report: Report) -> String {
        "# TokenGrid plan: \(report.result.planName)\n\n" + ReportSummary.text(report) + "\n"
    }
}
