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
    /// A large mapping's values by key, so that reading each of its fields is not a walk over all of them.
    private let index: [String: Node]?

    /// Mappings with more keys than this get an ``index``; a walk over fewer is cheaper than building one.
    static let indexedMappingSize = 8

    init(node: Node?, path: String, file: String, log: DiagnosticLog, parentMark: Mark? = nil) {
        self.node = node
        self.path = path
        self.file = file
        self.log = log
        self.parentMark = parentMark
        if let mapping = node?.mapping, mapping.count > Self.indexedMappingSize {
            var index = [String: Node](minimumCapacity: mapping.count)
            for position in mapping.indices {
                let pair = mapping[position]
                if let key = pair.key.scalar?.string { index[key] = pair.value }
            }
            self.index = index
        } else {
            index = nil
        }
    }

    var mark: Mark? { node?.mark ?? parentMark }
    var isPresent: Bool {
        guard let node else { return false }
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return true }
        switch scalar.string {
        case "", "~", "null": return false
        default: return true
        }
    }

    /// Reports an error here. The message is only built when the log still keeps errors (see ``DiagnosticLog``).
    func error(_ message: @autoclosure () -> String) {
        report(.error, message)
    }

    /// Reports a warning here, likewise.
    func warning(_ message: @autoclosure () -> String) {
        report(.warning, message)
    }

    private func report(_ severity: Diagnostic.Severity, _ message: () -> String) {
        guard log.keeps(severity) else { return log.countSuppressed(severity) }
        log.add(Diagnostic(severity: severity, file: file, line: mark?.line, column: mark?.column, fieldPath: path, message: message()))
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Where a figure's number is written: its `value` when written as a mapping, else the field itself.
    var figureValue: YAMLField { node?.mapping != nil ? self["value"] : self }

    /// The value under `key` (absent if this is not a mapping or has no such key).
    subscript(key: String) -> YAMLField {
        let child = index.map { $0[key] } ?? node?.mapping?.child(key)
        return YAMLField(node: child, path: childPath(key), file: file, log: log, parentMark: mark)
    }

    /// Checks that this is a mapping whose keys are all in `allowed`; reports unknown keys with a suggestion.
    ///
    /// At the top of a file, a mapping none of whose keys is allowed is not a file of this kind at all (a path that
    /// names some other file): one error says so, without repeating any of its keys.
    /// - Returns: false when this is not a mapping (already reported).
    /// - Parameter document: what the file is meant to be ("plan", "region file", …), named in that one error.
    @discardableResult
    func expectMapping(keys allowed: [String], document: String = "file of this kind") -> Bool {
        guard let node, let mapping = node.mapping else {
            if isPresent { error("expected a mapping with keys \(allowed.joined(separator: ", ")), found \(kindDescription)") }
            return false
        }
        let known = Set(allowed)
        if path.isEmpty, !mapping.isEmpty, !mapping.contains(where: { known.contains($0.key.scalar?.string ?? "") }) {
            error("this is not a \(document): none of its \(mapping.count) top-level keys is one of \(allowed.joined(separator: ", "))")
            return false
        }
        for (key, _) in mapping {
            let name = key.scalar?.string ?? "?"
            guard !known.contains(name) else { continue }
            let field = YAMLField(node: key, path: childPath(TextQuote.name(name)), file: file, log: log, parentMark: mark)
            let hint = Self.closest(to: name, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            field.error("unknown key \(TextQuote.quoted(name))\(hint); expected one of: \(allowed.joined(separator: ", "))")
        }
        return true
    }

    /// The mapping's keys in file order (for year maps and overrides).
    var mappingEntries: [(key: String, field: YAMLField)] {
        guard let mapping = node?.mapping else { return [] }
        return mapping.map { key, value in
            let name = key.scalar?.string ?? "?"
            return (name, YAMLField(node: value, path: childPath(TextQuote.name(name)), file: file, log: log, parentMark: key.mark))
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
        guard let sequence = node?.sequence, isPresent else { return list(required: required) }
        return sequence.enumerated().map { index, element in
            let id = element.mapping?.child("id")?.scalar?.string
            return YAMLField(node: element, path: "\(path)[\(id.map(TextQuote.name) ?? String(index))]", file: file, log: log, parentMark: mark)
        }
    }
}
