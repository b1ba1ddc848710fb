/// Diagnostics of one data file, passed on to a ``DiagnosticLog`` up to a cap: after `limit` errors the rest are only
/// counted, and ``finish()`` adds one "… and N more errors" line. Warnings, and errors about the whole file
/// (`always: true`, a handful at most), are passed on as they come.
///
/// Keeps memory bounded on a file that is wrong on every line.
final class CappedDiagnostics {
    let file: String
    let log: DiagnosticLog
    let limit: Int
    /// Errors counted against the cap.
    private(set) var errorCount = 0
    /// Errors shown regardless of the cap.
    private var alwaysShown = 0

    init(file: String, log: DiagnosticLog, limit: Int = 20) {
        self.file = file
        self.log = log
        self.limit = limit
    }

    var hasErrors: Bool { errorCount + alwaysShown > 0 }

    func error(line: Int?, column: Int? = nil, field: String = "", always: Bool = false, _ message: String) {
        if always {
            log.add(Diagnostic(severity: .error, file: file, line: line, column: column, fieldPath: field, message: message))
            alwaysShown += 1
            return
        }
        errorCount += 1
        guard errorCount <= limit else { return }
        log.add(Diagnostic(severity: .error, file: file, line: line, column: column, fieldPath: field, message: message))
    }

    func warning(line: Int?, column: Int? = nil, field: String = "", _ message: String) {
        log.add(Diagnostic(severity: .warning, file: file, line: line, column: column, fieldPath: field, message: message))
    }

    /// Reports how many errors were left out, if any.
    func finish() {
        guard errorCount > limit else { return }
        let hidden = errorCount - limit
        log.add(Diagnostic(severity: .error, file: file, line: nil, column: nil, fieldPath: "",
                           message: "… and \(hidden) more error\(hidden == 1 ? "" : "s") in this file (only the first \(limit) are shown)"))
    }
}
