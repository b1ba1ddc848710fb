import Foundation

/// Renders a report's files and writes them as an output folder's whole content (see ``OutputFolder``).
public enum ReportWriter {
    /// The report files of `report` in `formats`, rendered, by name, with `dispatch.csv` when `dispatch` includes it.
    /// Same input, same bytes.
    public static func render(_ report: Report, formats: [ReportFormat], dispatch: DispatchPolicy = .automatic) throws -> [(name: String, data: Data)] {
        var files: [(name: String, data: Data)] = []
        for format in formats {
            switch format {
            case .json: files.append(("plan.json", try JSONReport.render(report)))
            case .md: files.append(("report.md", Data(MarkdownReport.render(report).utf8)))
            case .html: files.append(("report.html", Data(HTMLReport.render(report).utf8)))
            case .csv: files += CSVReport.render(report).map { ($0.name, Data($0.text.utf8)) }
            }
        }
        if dispatch.includes(report.result.dispatch, formats: formats) {
            files.append(("dispatch.csv", Data(CSVReport.dispatch(report.result.dispatch).utf8)))
        }
        return files
    }

    /// Writes `report` in `formats` (and `dispatch.csv` as `dispatch` says), with `timings.csv`, as the whole content
    /// of `directory`, and returns the names written.
    /// - Parameters:
    ///   - report: the solved plan's report.
    ///   - formats: the report formats to write.
    ///   - directory: the output folder (made if missing; its old content is replaced as a whole).
    ///   - dispatch: whether `dispatch.csv` is written.
    ///   - onWait: called when another run is writing the same folder (this one waits for it).
    public static func write(_ report: Report, formats: [ReportFormat], to directory: String, dispatch: DispatchPolicy = .automatic,
                             onWait: (() -> Void)? = nil) throws -> [String] {
        let start = DispatchTime.now().uptimeNanoseconds
        var files = try render(report, formats: formats, dispatch: dispatch)
        let renderSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        files.append(("timings.csv", Data(CSVReport.timings(report.result.timings, renderSeconds: renderSeconds).utf8)))
        return try OutputFolder(directory).replace(with: files, onWait: onWait)
    }
}
