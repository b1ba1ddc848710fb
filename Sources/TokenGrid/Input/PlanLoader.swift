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
    public static func load(planAt path: String, sets: [String] = []) throws -> Scenario {
        let log = DiagnosticLog()
        let scenario = load(planAt: path, sets: sets, log: log)
        guard let scenario, !log.hasErrors else {
            throw InputError(errors: log.errors, warnings: log.warnings)
        }
        return scenario
    }

    static func load(planAt path: String, sets: [String], log: DiagnosticLog) -> Scenario? {
        guard var planNode = YAMLDocument.read(path, log: log) else { return nil }
        let root = YAMLField(node: planNode, path: "", file: path, log: log)
        var overrides = root["overrides"].mappingEntries.compactMap { Override.make(path: $0.key, value: $0.field.node ?? Node(""), origin: $0.field) }
        overrides += sets.compactMap { Override.parse(commandLine: $0, log: log) }
        for override in overrides where override.target == .plan {
            planNode = override.apply(to: planNode) ?? planNode
        }
        let planField = YAMLField(node: planNode, path: "", file: path, log: log)
        let applied = overrides.map { "\($0.path) = \(($0.value.scalar?.string) ?? "…")" }
        guard let plan = PlanReader.read(planField, overridesApplied: applied) else { return nil }

        let planDirectory = (path as NSString).deletingLastPathComponent
        let regionsDirectory = resolve(planField["regions_dir"].string(required: false) ?? "../Regions", against: planDirectory)
        let designsPath = resolve(planField["designs_file"].string(required: false) ?? "designs.yaml",
                                  against: planField["designs_file"].isPresent ? planDirectory : regionsDirectory)

        let designs = loadDesigns(designsPath, overrides: overrides, log: log)
        var regions: [Region] = []
        for (index, id) in plan.regionIDs.enumerated() {
            let regionPath = (regionsDirectory as NSString).appendingPathComponent("\(id).yaml")
            guard FileManager.default.fileExists(atPath: regionPath) else {
                planField["regions"].list()[index].error("unknown region '\(id)': no file \(regionPath)")
                continue
            }
            guard var node = YAMLDocument.read(regionPath, log: log) else { continue }
            for override in overrides where override.target == .region(id) { node = override.apply(to: node) ?? node }
            if let region = RegionReader.read(YAMLField(node: node, path: "", file: regionPath, log: log), expectedID: id) {
                regions.append(region)
            }
        }
        for override in overrides {
            if case .region(let id) = override.target, !plan.regionIDs.contains(id) {
                override.origin.error("override path '\(override.path)' names region '\(id)', which the plan does not use; expected one of: \(plan.regionIDs.joined(separator: ", "))")
            }
        }
        let scenario = Scenario(plan: plan, regions: regions, designs: designs, warnings: [])
        ScenarioChecks.check(scenario, planField: planField, log: log)
        var result = scenario
        result.warnings = log.warnings
        return result
    }

    private static func loadDesigns(_ path: String, overrides: [Override], log: DiagnosticLog) -> [ClusterDesign] {
        guard var node = YAMLDocument.read(path, log: log) else { return [] }
        for override in overrides {
            guard case .design(let id) = override.target else { continue }
            // Design overrides address `designs.<id>.<field>` inside the catalogue's `designs` list.
            var nested = override
            nested.components = ["designs", id] + Array(override.localComponents)
            node = nested.apply(to: node) ?? node
        }
        return DesignReader.read(YAMLField(node: node, path: "", file: path, log: log))
    }

    private static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(path)
    }
}

/// Reading a YAML file into a node tree, with parse errors turned into diagnostics.
enum YAMLDocument {
    static func read(_ path: String, log: DiagnosticLog) -> Node? {
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
