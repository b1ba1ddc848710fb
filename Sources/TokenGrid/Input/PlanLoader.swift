import Foundation
import Yams

/// Loads a plan file and everything it refers to (region files, the design catalogue), applies overrides,
/// and checks it all, reporting every error in every file at once.
public enum PlanLoader {
    /// Loads and checks a plan.
    /// - Parameters:
    ///   - path: the plan file.
    ///   - sets: extra overrides `path=value`, applied after the plan's own (the command line's `--set`).
    /// - Throws: ``InputError`` with every error found (file, line, column, field path, what was expected).
    ///   - cache: parsed files to reuse across loads of variants of one plan (sweeps); nil reads every file afresh.
    public static func load(planAt path: String, sets: [String] = [], cache: YAMLCache? = nil) throws -> Scenario {
        let log = DiagnosticLog()
        let scenario = load(planAt: path, sets: sets, log: log, cache: cache)
        guard let scenario, !log.hasErrors else {
            throw InputError(errors: log.errors, warnings: log.warnings)
        }
        return scenario
    }

    static func load(planAt path: String, sets: [String], log: DiagnosticLog, cache: YAMLCache? = nil) -> Scenario? {
        guard var planNode = YAMLDocument.read(path, log: log, cache: cache) else { return nil }
        let root = YAMLField(node: planNode, path: "", file: path, log: log)
        if root["overrides"].isPresent && root["overrides"].node?.mapping == nil {
            root["overrides"].error("expected a mapping from dotted path to value, e.g. {regions.ningxia.grid.price_usd_per_mwh: 30}")
        }
        var overrides = root["overrides"].mappingEntries.compactMap { Override.make(path: $0.key, value: $0.field.node ?? Node(""), origin: $0.field) }
        overrides += sets.compactMap { Override.parse(commandLine: $0, log: log) }
        for override in overrides where override.target == .plan {
            planNode = override.apply(to: planNode) ?? planNode
        }
        let planField = YAMLField(node: planNode, path: "", file: path, log: log)
        let applied = overrides.map { "\($0.path) = \(($0.value.scalar?.string) ?? "…")" }
        // Read on even when the plan has errors, so that the region and design files' errors are reported too.
        let planStart = log.count
        let plan = PlanReader.read(planField, overridesApplied: applied)
        reattribute(overrides, target: .plan, since: planStart, file: path, log: log)

        let planDirectory = (path as NSString).deletingLastPathComponent
        let regionsDirectory = resolve(planField["regions_dir"].string(required: false) ?? "../Regions", against: planDirectory)
        let designsPath = resolve(planField["designs_file"].string(required: false) ?? "designs.yaml",
                                  against: planField["designs_file"].isPresent ? planDirectory : regionsDirectory)

        let designs = loadDesigns(designsPath, overrides: overrides, log: log, cache: cache)
        var regions: [Region] = []
        var regionRoots: [String: YAMLField] = [:]
        var listed: [String] = []
        // Walk the plan's own list (not the de-duplicated ids) so that an error names the element at fault.
        let regionElements = planField["regions"].node?.sequence == nil ? [] : planField["regions"].list()
        for element in regionElements {
            guard let id = element.node?.scalar?.string, !listed.contains(id), LinearIdentifier.isValid(id) else { continue }
            listed.append(id)
            let regionPath = (regionsDirectory as NSString).appendingPathComponent("\(id).yaml")
            guard FileManager.default.fileExists(atPath: regionPath) else {
                element.error("unknown region '\(id)': no file \(regionPath)")
                continue
            }
            guard var node = YAMLDocument.read(regionPath, log: log, cache: cache) else { continue }
            for override in overrides where override.target == .region(id) { node = override.apply(to: node) ?? node }
            let regionRoot = YAMLField(node: node, path: "", file: regionPath, log: log)
            regionRoots[id] = regionRoot
            let start = log.count
            if let region = RegionReader.read(regionRoot, expectedID: id) { regions.append(region) }
            reattribute(overrides, target: .region(id), since: start, file: regionPath, log: log)
        }
        for override in overrides {
            if case .region(let id) = override.target, !listed.contains(id) {
                override.origin.error("override path '\(override.path)' names region '\(id)', which the plan does not use; expected one of: \(listed.joined(separator: ", "))")
            }
        }
        guard let plan else { return nil }
        let scenario = Scenario(plan: plan, regions: regions, designs: designs, warnings: [])
        ScenarioChecks.check(scenario, planField: planField, regionRoots: regionRoots, log: log)
        var result = scenario
        result.warnings = log.warnings
        return result
    }

    private static func loadDesigns(_ path: String, overrides: [Override], log: DiagnosticLog, cache: YAMLCache?) -> [ClusterDesign] {
        guard var node = YAMLDocument.read(path, log: log, cache: cache) else { return [] }
        for override in overrides {
            guard case .design(let id) = override.target else { continue }
            // Design overrides address `designs.<id>.<field>` inside the catalogue's `designs` list.
            node = override.apply(to: node, at: (["designs", id] + Array(override.localComponents))[...]) ?? node
        }
        let start = log.count
        let designs = DesignReader.read(YAMLField(node: node, path: "", file: path, log: log))
        for override in overrides {
            if case .design = override.target { reattribute([override], target: override.target, since: start, file: path, log: log) }
        }
        return designs
    }

    /// Errors in a value an override set belong to the override (its file and position), not the file it changed.
    private static func reattribute(_ overrides: [Override], target: Override.Target, since start: Int, file: String, log: DiagnosticLog) {
        for override in overrides where override.target == target {
            // Plan overrides written in the plan file already carry the right position; --set ones do not.
            if target == .plan && override.origin.file == file { continue }
            log.reattribute(since: start, in: file, under: override.localPath(in: target), to: override.origin, overridePath: override.path)
        }
    }

    private static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(path)
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

/// Reading a YAML file into a node tree, with parse errors turned into diagnostics.
enum YAMLDocument {
    static func read(_ path: String, log: DiagnosticLog, cache: YAMLCache? = nil) -> Node? {
        if let cached = cache?.node(path) { return cached }
        let node = parse(path, log: log)
        if let node { cache?.store(node, for: path) }
        return node
    }

    private static func parse(_ path: String, log: DiagnosticLog) -> Node? {
        let field = YAMLField(node: nil, path: "", file: path, log: log)
        guard let data = FileManager.default.contents(atPath: path) else {
            field.error("cannot read the file (missing or unreadable)")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            field.error("the file is not UTF-8 text")
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                field.error("the file is empty; expected a YAML mapping")
                return nil
            }
            guard node.mapping != nil else {
                YAMLField(node: node, path: "", file: path, log: log).error("expected a YAML mapping at the top of the file")
                return nil
            }
            return node
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            log.add(Diagnostic(severity: .error, file: path, line: mark?.line, column: mark?.column, fieldPath: "", message: "YAML syntax: \(problem)"))
            return nil
        } catch {
            field.error("cannot parse YAML: \(error)")
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return (mark, context.map { "\(problem) (\($0.text))" } ?? problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark, "duplicate keys \(duplicates.joined(separator: ", ")) in one mapping")
        default:
            return (nil, "\(error)")
        }
    }
}

/// The id rule shared by every reader: lower-case letters, digits and '-'.
enum LinearIdentifier {
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a" ... "z").contains($0) || ("0" ... "9").contains($0) || $0 == "-" }
    }
}
