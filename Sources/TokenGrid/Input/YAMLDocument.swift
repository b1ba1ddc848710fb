import Foundation
import Yams

/// Reading a YAML file into a node tree, with every problem turned into a located diagnostic.
enum YAMLDocument {
    /// The file's top-level mapping, or nil after reporting why there is none.
    /// - Parameters:
    ///   - reference: where the file is named (the plan's `designs_file`, an element of `regions`); a file that
    ///     cannot be opened is reported there. Without one it is reported at the file itself, without a line.
    static func read(_ path: String, log: DiagnosticLog, cache: YAMLCache? = nil, reference: YAMLField? = nil) -> Node? {
        log.recordRead(path)
        if let cached = cache?.node(path) { return cached }
        let node = parse(path, log: log, reference: reference)
        if let node { cache?.store(node, for: path) }
        return node
    }

    private static func parse(_ path: String, log: DiagnosticLog, reference: YAMLField?) -> Node? {
        func report(_ message: String, line: Int? = nil, column: Int? = nil) {
            log.add(Diagnostic(severity: .error, file: path, line: line, column: column, fieldPath: "", message: message))
        }
        let text: String
        switch InputFile.contents(of: path) {
        case .success(let contents):
            text = contents
        case .failure(.unreadable(let message)):
            if let reference { reference.error(message) } else { report(message) }
            return nil
        case .failure(.notText(let line, let column, let message)):
            report(message, line: line, column: column)
            return nil
        }
        switch YAMLText.compose(text) {
        case .failure(let problem):
            report(problem.message, line: problem.line ?? 1, column: problem.column ?? 1)
            return nil
        case .success(nil):
            report("the file is empty; expected a YAML mapping", line: 1, column: 1)
            return nil
        case .success(let node?):
            guard node.mapping != nil else {
                YAMLField(node: node, path: "", file: path, log: log).error("expected a YAML mapping at the top of the file")
                return nil
            }
            return node
        }
    }
}

/// Parsed YAML files by path, shared by the loads of many variants of one plan. Thread-safe.
public final class YAMLCache: @unchecked Sendable {
    private let lock = NSLock()
    private var nodes: [String: Node] = [:]

    public init() {}

    func node(_ path: String) -> Node? {
        lock.lock()
        defer { lock.unlock() }
        return nodes[path]
    }

    func store(_ node: Node, for path: String) {
        lock.lock()
        nodes[path] = node
        lock.unlock()
    }
}
