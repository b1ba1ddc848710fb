import Foundation

/// Reads one year of hourly values from a two-column CSV file into a typical UTC year (``HourlySeries``).
///
/// Format (see `docs/time-series.md`): a header `utc_time,<name>` or `local_time,<name>` (e.g. `utc_time,demand_mw`),
/// then one row per hour, `<stamp>,<value>`, each stamp the start of its hour:
///
/// ```
/// utc_time,demand_mw
/// 2018-01-01T00:00:00Z,52917
/// 2018-01-01T01:00:00Z,54476
/// ```
///
/// Stamps are ISO 8601 with `Z` or an explicit offset (`2018-01-01T00:00:00-06:00`), or naive
/// (`2018-01-01T00:00:00`, `2018-01-01 00:00`): UTC under `utc_time`, the declared `utcOffsetHours` under `local_time`.
/// The file holds one calendar year in its own clock: 8,760 rows, or 8,784 in a leap year, whose 29 February is
/// dropped. The result is rotated so that index 0 is 1 January 00:00 UTC.
///
/// Every problem is reported to `log` as `file:line:column` (at most 20 errors per file, then a count); messages never
/// quote the file's text. The file is streamed in 1 MB chunks; files above 64 MB and lines above 4 KB are rejected.
public enum HourlyCSVReader {
    /// Largest file read.
    public static let maximumFileBytes = 64 << 20
    /// Longest line read.
    public static let maximumLineBytes = 4096
    /// Errors reported per file before the rest are only counted.
    public static let maximumErrorsShown = 20

    /// Reads `path` as an hourly series of `kind`.
    ///
    /// - Parameters:
    ///   - path: the file to open.
    ///   - reportedPath: the path named in diagnostics (e.g. as written in the YAML file); `path` when nil.
    ///   - kind: what the values are; sets the accepted range.
    ///   - utcOffsetHours: the fixed offset of local time from UTC, hours (−6 for US Central standard time, 5.5 for
    ///     India), used only for naive stamps under a `local_time` header.
    ///   - log: where errors and warnings go.
    /// - Returns: the series, or nil when the file has errors (all reported to `log`).
    public static func read(path: String, reportedPath: String? = nil, kind: HourlySeriesKind, utcOffsetHours: Double?,
                            log: DiagnosticLog) -> HourlySeries? {
        let file = reportedPath ?? path
        let diagnostics = CappedDiagnostics(file: file, log: log, limit: maximumErrorsShown)
        defer { diagnostics.finish() }

        var info = stat()
        guard stat(path, &info) == 0 else {
            diagnostics.error(line: nil, "cannot read the file: \(String(cString: strerror(errno)))")
            return nil
        }
        guard info.st_mode & 0o170000 == 0o100000 else {
            diagnostics.error(line: nil, "is not a regular file; expected a CSV file of hourly values")
            return nil
        }
        let size = Int(info.st_size)
        guard size <= maximumFileBytes else {
            diagnostics.error(line: nil, "file is \(size / (1 << 20)) MB; expected at most \(maximumFileBytes >> 20) MB (a year of hourly values is well under 1 MB)")
            return nil
        }
        guard size > 0 else {
            diagnostics.error(line: nil, "file is empty; expected a header line utc_time,<name> or local_time,<name>, then one row per hour")
            return nil
        }

        let parser = HourlyCSVParser(kind: kind, declaredOffsetHours: utcOffsetHours, diagnostics: diagnostics)
        let failure = ChunkedLineReader.forEachLine(path: path, maximumLineBytes: maximumLineBytes,
                                                    maximumTotalBytes: maximumFileBytes) { line, bytes, length in
            parser.consume(line: line, bytes: bytes, length: length, maximumLineBytes: maximumLineBytes)
        }
        switch failure {
        case .cannotOpen(let code)?, .readFailed(let code)?:
            diagnostics.error(line: nil, "cannot read the file: \(String(cString: strerror(code)))")
            return nil
        case .tooLarge?:
            diagnostics.error(line: nil, "file grew beyond \(maximumFileBytes >> 20) MB while being read; expected a CSV file of hourly values")
            return nil
        case nil:
            break
        }
        guard !parser.stopped else { return nil }
        return HourlyCSVYear.assemble(parser, kind: kind, file: file, diagnostics: diagnostics)
    }
}
