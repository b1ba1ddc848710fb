/// When the report set includes `dispatch.csv` (one row per site, year and slice): with the `csv` format while it
/// stays small enough to mail and diff, or always when asked for (`tokengrid plan --dispatch`).
public enum DispatchPolicy: Sendable, Hashable {
    /// With the `csv` format, when its estimated size (``estimatedBytes(_:)``) is at most `maxBytes`.
    case withCSV(maxBytes: Int)
    /// Whatever its size and the formats.
    case always

    /// The size limit `tokengrid plan` uses without `--dispatch`: about 50 MB.
    public static let automaticMaxBytes = 50_000_000
    /// Bytes per row assumed by the estimate: a long site id, an `hours` slice name and four numbers at full
    /// precision come to about this much (us-grid-2030 at `hours` averaged 94 before its regions had existing
    /// clusters drawing power in every slice; at seasons4x6 it now averages 102).
    public static let estimatedBytesPerRow = 110
    /// The policy of `tokengrid plan` without `--dispatch`.
    public static let automatic = DispatchPolicy.withCSV(maxBytes: automaticMaxBytes)

    /// The estimated size of `dispatch.csv` for `table`, bytes (from its row count).
    public static func estimatedBytes(_ table: DispatchTable) -> Int { (table.rowCount + 1) * estimatedBytesPerRow }

    /// Whether a report set in `formats` includes `dispatch.csv` for `table`.
    public func includes(_ table: DispatchTable, formats: [ReportFormat]) -> Bool {
        switch self {
        case .always: return true
        case .withCSV(let maxBytes): return formats.contains(.csv) && Self.estimatedBytes(table) <= maxBytes
        }
    }

    /// Whether only the size limit keeps `dispatch.csv` out of a report set in `formats` (the user should be told).
    public func leavesOut(_ table: DispatchTable, formats: [ReportFormat]) -> Bool {
        formats.contains(.csv) && !includes(table, formats: formats)
    }
}
