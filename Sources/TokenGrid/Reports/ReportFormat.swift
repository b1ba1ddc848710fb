/// The report files TokenGrid writes.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case md, html, csv, json
}
