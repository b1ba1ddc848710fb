/// `report.html` (placeholder).
public enum HTMLReport {
    public static func render(_ report: Report) -> String {
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>\(report.result.planName)</title></head><body><pre>\(ReportSummary.text(report))</pre></body></html>\n"
    }
}
