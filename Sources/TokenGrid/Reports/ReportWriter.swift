import Foundation

/// Writes report files atomically: everything is rendered first, written under temporary names in the
/// target folder, and renamed into place only when all files were written.
public enum ReportWriter {
    /// Writes `report` in `formats` into `directory` (created if needed) and returns the file names written.
    public static func write(_ report: Report, formats: [ReportFormat], to directory: String) throws -> [String] {
        var files: [(String, Data)] = []
        for format in formats {
            switch format {
            case .json: files.append(("plan.json", try JSONReport.render(report)))
            case .md: files.append(("report.md", Data(MarkdownReport.render(report).utf8)))
            case .html: files.append(("report.html", Data(HTMLReport.render(report).utf8)))
            case .csv: files += CSVReport.render(report).map { ($0.name, Data($0.text.utf8)) }
            }
        }
        return try writeAtomically(files, to: directory)
    }

    /// Writes named files into `directory`: all to temporary names first, then renamed; on any failure the
    /// temporary files are removed and the folder keeps what it had.
    public static func writeAtomically(_ files: [(name: String, data: Data)], to directory: String) throws -> [String] {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let token = UUID().uuidString.prefix(8)
        var temporary: [(String, String)] = []
        do {
            for (name, data) in files {
                let path = (directory as NSString).appendingPathComponent(".\(name).\(token).tmp")
                guard manager.createFile(atPath: path, contents: data) else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                temporary.append((path, (directory as NSString).appendingPathComponent(name)))
            }
        } catch {
            for (path, _) in temporary { try? manager.removeItem(atPath: path) }
            throw error
        }
        for (path, final) in temporary {
            // rename(2) replaces the old file in one step.
            guard rename(path, final) == 0 else {
                for (leftover, _) in temporary { try? manager.removeItem(atPath: leftover) }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final])
            }
        }
        return files.map(\.name)
    }
}

/// `plan.json`: the whole report as JSON, keys sorted so that output is byte-identical for the same input.
public enum JSONReport {
    public static func render(_ report: Report) throws -> Data {
        var data = try JSONKeys.encoder().encode(report)
        data.append(contentsOf: Array("\n".utf8))
        return data
    }
}
