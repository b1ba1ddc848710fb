/// One problem found in an input file: where it is, which field, and what was expected.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Whether the problem stops the plan (error) or is only worth knowing (warning).
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

    public var severity: Severity
    /// Path of the file, as given.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// Dotted path of the field at fault, e.g. `grid.peak_load_mw.value` or `zones[china].growth.rate_per_year`.
    public var fieldPath: String
    /// What is wrong and what was expected.
    public var message: String

    public init(severity: Severity, file: String, line: Int?, column: Int?, fieldPath: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.fieldPath = fieldPath
        self.message = message
    }

    /// `file:line:column: error: field: message`, the form editors and compilers use.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let field = fieldPath.isEmpty ? "" : "\(fieldPath): "
        // One line whatever the input held: a newline in a value must not start a fake diagnostic.
        return TextQuote.oneLine("\(location): \(severity.rawValue): \(field)\(message)")
    }
}

/// Collects every diagnostic found while reading, so that all errors in a file are reported at once.
///
/// Keeps at most ``InputLimits/maximumDiagnostics`` errors and as many warnings; the rest are only counted, so that
/// an input with a million faults is reported in bounded time and memory.
public final class DiagnosticLog: @unchecked Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Errors and warnings found beyond the limit, counted but not kept.
    public private(set) var suppressedErrors = 0, suppressedWarnings = 0
    private var errorCount = 0, warningCount = 0
    /// Every input file read while loading, as opened, in the order first read (see ``Scenario/inputFiles``).
    public private(set) var filesRead: [String] = []

    /// Notes that `path` is read as an input.
    func recordRead(_ path: String) {
        if !filesRead.contains(path) { filesRead.append(path) }
    }

    public init() {}

    public func add(_ diagnostic: Diagnostic) {
        guard keeps(diagnostic.severity) else { return countSuppressed(diagnostic.severity) }
        switch diagnostic.severity {
        case .error: errorCount += 1
        case .warning: warningCount += 1
        }
        diagnostics.append(diagnostic)
    }

    /// Whether a diagnostic of this severity would still be kept (else it is only counted).
    func keeps(_ severity: Diagnostic.Severity) -> Bool {
        (severity == .error ? errorCount : warningCount) < InputLimits.maximumDiagnostics
    }

    /// Counts a diagnostic that is not kept.
    func countSuppressed(_ severity: Diagnostic.Severity) {
        if severity == .error { suppressedErrors += 1 } else { suppressedWarnings += 1 }
    }

    /// Number of diagnostics so far (a position to look back from).
    var count: Int { diagnostics.count }

    /// Moves the diagnostics found since `start` in `file` whose field path lies under `pathPrefix` to where an
    /// override set that value: the override's own file and position, not the file it was applied to.
    func reattribute(since start: Int, in file: String, under pathPrefix: String, to origin: YAMLField, overridePath: String) {
        for index in start ..< diagnostics.count where diagnostics[index].file == file {
            let path = diagnostics[index].fieldPath.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
            guard path == pathPrefix || path.hasPrefix(pathPrefix + ".") else { continue }
            diagnostics[index].file = origin.file
            diagnostics[index].line = origin.node == nil ? nil : origin.mark?.line
            diagnostics[index].column = origin.node == nil ? nil : origin.mark?.column
            diagnostics[index].message += " (value set by override \(TextQuote.quoted(overridePath)))"
        }
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { errorCount + suppressedErrors > 0 }

    /// The errors and warnings so far, as thrown.
    public var inputError: InputError {
        InputError(errors: errors, warnings: warnings, suppressedErrors: suppressedErrors, suppressedWarnings: suppressedWarnings)
    }
}

/// Thrown when input files hold errors: carries them (up to the limit), and the warnings seen on the way.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public var errors: [Diagnostic]
    public var warnings: [Diagnostic]
    /// Errors and warnings found beyond ``InputLimits/maximumDiagnostics``, counted but not kept.
    public var suppressedErrors: Int
    public var suppressedWarnings: Int

    public init(errors: [Diagnostic], warnings: [Diagnostic] = [], suppressedErrors: Int = 0, suppressedWarnings: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.suppressedErrors = suppressedErrors
        self.suppressedWarnings = suppressedWarnings
    }

    /// Every error found, kept or not.
    public var errorCount: Int { errors.count + suppressedErrors }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
