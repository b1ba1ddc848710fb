import Foundation
import Yams

/// A read position in a YAML document: a node (or its absence), its dotted path and where to report problems.
///
/// Every accessor reports what is wrong to the shared ``DiagnosticLog`` and returns `nil` (or a default)
/// instead of throwing, so one pass over a file finds all of its errors.
struct YAMLField {
    let node: Node?
    let path: String
    let file: String
    let log: DiagnosticLog
    /// Where to point when the node itself is missing: the enclosing mapping.
    let parentMark: Mark?

    init(node: Node?, path: String, file: String, log: DiagnosticLog, parentMark: Mark? = nil) {
        self.node = node
        self.path = path
        self.file = file
        self.log = log
        self.parentMark = parentMark
    }

    var mark: Mark? { node?.mark ?? parentMark }
    var isPresent: Bool {
        guard let node else { return false }
        if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null"].contains(scalar.string) { return false }
        return true
    }

    func error(_ message: String) {
        report(.error, message)
    }

    func warning(_ message: String) {
        report(.warning, message)
    }

    private func report(_ severity: Diagnostic.Severity, _ message: String) {
        log.add(Diagnostic(severity: severity, file: file, line: mark?.line, column: mark?.column, fieldPath: path, message: message))
    }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value under `key` (absent if this is not a mapping or has no such key).
    subscript(key: String) -> YAMLField {
        let child = node?.mapping?[key]
        return YAMLField(node: child, path: childPath(key), file: file, log: log, parentMark: mark)
    }

    /// Checks that this is a mapping whose keys are all in `allowed`; reports unknown keys with a suggestion.
    /// - Returns: false when this is not a mapping (already reported).
    @discardableResult
    func expectMapping(keys allowed: [String]) -> Bool {
        guard let node, let mapping = node.mapping else {
            if isPresent { error("expected a mapping with keys \(allowed.joined(separator: ", ")), found \(kindDescription)") }
            return false
        }
        for (key, _) in mapping {
            let name = key.scalar?.string ?? "?"
            guard !allowed.contains(name) else { continue }
            let field = YAMLField(node: key, path: childPath(name), file: file, log: log, parentMark: mark)
            let hint = Self.closest(to: name, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            field.error("unknown key '\(name)'\(hint); expected one of: \(allowed.joined(separator: ", "))")
        }
        return true
    }

    /// The mapping's keys in file order (for year maps and overrides).
    var mappingEntries: [(key: String, field: YAMLField)] {
        guard let mapping = node?.mapping else { return [] }
        return mapping.map { key, value in
            let name = key.scalar?.string ?? "?"
            return (name, YAMLField(node: value, path: childPath(name), file: file, log: log, parentMark: key.mark))
        }
    }

    /// Elements of a sequence; reports an error and returns [] when this is not a sequence.
    func list(required: Bool = true) -> [YAMLField] {
        guard isPresent, let node else {
            if required { error("missing required list") }
            return []
        }
        guard let sequence = node.sequence else {
            error("expected a list, found \(kindDescription)")
            return []
        }
        return sequence.enumerated().map { index, element in
            YAMLField(node: element, path: "\(path)[\(index)]", file: file, log: log, parentMark: mark)
        }
    }

    /// Same as ``list(required:)`` but with element paths named by their `id` key, e.g. `zones[china]`.
    func identifiedList(required: Bool = true) -> [YAMLField] {
        list(required: required).map { element in
            guard let id = element.node?.mapping?["id"]?.scalar?.string else { return element }
            let base = String(path)
            return YAMLField(node: element.node, path: "\(base)[\(id)]", file: file, log: log, parentMark: element.parentMark)
        }
    }

    /// A string; reports when missing (if required) or not a scalar.
    func string(required: Bool = true) -> String? {
        guard isPresent, let node else {
            if required { error("missing required field (expected a string)") }
            return nil
        }
        guard let scalar = node.scalar else {
            error("expected a string, found \(kindDescription)")
            return nil
        }
        return scalar.string
    }

    /// An identifier `[a-z0-9-]+`.
    func identifier(required: Bool = true) -> String? {
        guard let text = string(required: required) else { return nil }
        let valid = LinearIdentifier.isValid(text)
        if !valid { error("'\(text)' is not a valid id; expected lower-case letters, digits and '-'") }
        return valid ? text : nil
    }

    /// A number within `range`; YAML's plain scalars only (a quoted "12" is a string, not a number).
    func number(required: Bool = true, in range: ClosedRange<Double>? = nil, unit: String = "") -> Double? {
        guard isPresent, let node else {
            if required { error("missing required field (expected a number\(unit.isEmpty ? "" : " in \(unit)"))") }
            return nil
        }
        guard let scalar = node.scalar, scalar.style == .plain,
              let value = Double(scalar.string.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            error("expected a number\(unit.isEmpty ? "" : " in \(unit)"), found \(kindDescription)")
            return nil
        }
        if let range, !range.contains(value) {
            error("\(Self.format(value)) is out of range; expected a value from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))\(unit.isEmpty ? "" : " \(unit)")")
            return nil
        }
        return value
    }

    /// A whole number within `range`.
    func integer(required: Bool = true, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = number(required: required) else { return nil }
        guard value == value.rounded(), abs(value) < 1e15 else {
            error("expected a whole number, found \(Self.format(value))")
            return nil
        }
        let integer = Int(value)
        if let range, !range.contains(integer) {
            error("\(integer) is out of range; expected \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return integer
    }

    /// `true` / `false`.
    func bool(required: Bool = true) -> Bool? {
        guard isPresent, let node else {
            if required { error("missing required field (expected true or false)") }
            return nil
        }
        guard let scalar = node.scalar, scalar.style == .plain, let value = Bool(scalar.string.lowercased()) else {
            error("expected true or false, found \(kindDescription)")
            return nil
        }
        return value
    }

    /// One of a fixed set of words.
    func choice(_ options: [String], required: Bool = true) -> String? {
        guard let text = string(required: required) else { return nil }
        guard options.contains(text) else {
            error("'\(text)' is not allowed; expected one of: \(options.joined(separator: ", "))")
            return nil
        }
        return text
    }

    /// A list of numbers with exactly `count` elements, each within `range`.
    func numbers(count: Int, in range: ClosedRange<Double>? = nil) -> [Double]? {
        guard isPresent else {
            error("missing required list of \(count) numbers")
            return nil
        }
        guard node?.sequence != nil else {
            error("expected a list of \(count) numbers, found \(kindDescription)")
            return nil
        }
        let elements = list()
        guard elements.count == count else {
            error("expected exactly \(count) numbers, found \(elements.count)")
            return nil
        }
        let values = elements.compactMap { $0.number(in: range) }
        return values.count == count ? values : nil
    }

    /// A calendar date `YYYY-MM-DD`.
    func date(required: Bool = true) -> CalendarDate? {
        guard let text = string(required: required) else { return nil }
        guard let date = CalendarDate(text) else {
            error("'\(text)' is not a date; expected YYYY-MM-DD")
            return nil
        }
        return date
    }

    var kindDescription: String {
        guard let node else { return "nothing" }
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain ? "'\(scalar.string)'" : "the string \"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// The allowed key nearest to `key` by edit distance, if it is close enough to be a likely typo.
    static func closest(to key: String, in allowed: [String]) -> String? {
        let scored = allowed.map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, key.count / 3) else { return nil }
        return best
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0 ... b.count)
        for i in 1 ... max(a.count, 1) where i <= a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1 ... max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
