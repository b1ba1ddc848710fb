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
        return "\(location): \(severity.rawValue): \(field)\(message)"
    }
}

/// Collects every diagnostic found while reading, so that all errors in a file are reported at once.
public final class DiagnosticLog: @unchecked Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

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
            diagnostics[index].message += " (value set by override '\(overridePath)')"
        }
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Thrown when input files hold errors: carries all of them, and the warnings seen on the way.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public var errors: [Diagnostic]
    public var warnings: [Diagnostic]

    public init(errors: [Diagnostic], warnings: [Diagnostic] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
