import Foundation
import Yams

/// Loads a plan file and everything it refers to (region files, the design catalogue), applies overrides,
/// and checks it all, reporting every error in every file at once.
public enum PlanLoader {
    /// Loads and checks a plan.
    /// - Parameters:
    ///   - path: the plan file.
    ///   - sets: extra overrides `path=value`, applied after the plan's own (the command line's `--set`).
    ///   - cache: parsed files to reuse across loads of variants of one plan (sweeps); nil reads every file afresh.
    /// - Throws: ``InputError`` with every error found (file, line, column, field path, what was expected).
    public static func load(planAt path: String, sets: [String] = [], cache: YAMLCache? = nil) throws -> Scenario {
        let log = DiagnosticLog()
        let scenario = load(planAt: path, sets: sets, log: log, cache: cache)
        guard let scenario, !log.hasErrors else {
            throw log.inputError
        }
        return scenario
    }

    static func load(planAt path: String, sets: [String], log: DiagnosticLog, cache: YAMLCache? = nil) -> Scenario? {
        guard var planNode = YAMLDocument.read(path, log: log, cache: cache) else { return nil }
        let root = YAMLField(node: planNode, path: "", file: path, log: log)
        let overrides = readOverrides(root, sets: sets, log: log)
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
        // A path that is not acceptable is reported and not read (nil); an absent one takes its default.
        let regionsDirectory = InputPaths.folder(planField["regions_dir"], default: "../Regions").map { resolve($0, against: planDirectory) }
        let designsFile = planField["designs_file"]
        let designsPath = designsFile.isPresent
            ? InputPaths.yamlFile(designsFile).map { resolve($0, against: planDirectory) }
            : regionsDirectory.map { resolve("designs.yaml", against: $0) }
        // The catalogue's own path when the plan names it; else the folder it lies in; else the plan itself.
        let designsReference = designsFile.isPresent ? designsFile : planField["regions_dir"].isPresent ? planField["regions_dir"] : planField
        let designs = designsPath.map { loadDesigns($0, reference: designsReference, overrides: overrides, log: log, cache: cache) } ?? []
        var regions: [Region] = []
        var regionRoots: [String: YAMLField] = [:]
        var listed = Set<String>()
        // Walk the plan's own list (not the de-duplicated ids) so that an error names the element at fault.
        let regionElements = planField["regions"].node?.sequence == nil ? [] : planField["regions"].list()
        for element in regionElements {
            guard let regionsDirectory else { break }
            guard let id = element.node?.scalar?.string, LinearIdentifier.isValid(id), id.count <= InputLimits.maximumIDLength,
                  listed.insert(id).inserted else { continue }
            let regionPath = (regionsDirectory as NSString).appendingPathComponent("\(id).yaml")
            guard FileManager.default.fileExists(atPath: regionPath) else {
                element.error("unknown region '\(id)': no file \(regionPath)")
                continue
            }
            guard var node = YAMLDocument.read(regionPath, log: log, cache: cache, reference: element) else { continue }
            for override in overrides where override.target == .region(id) { node = override.apply(to: node) ?? node }
            let regionRoot = YAMLField(node: node, path: "", file: regionPath, log: log)
            regionRoots[id] = regionRoot
            let start = log.count
            if let region = RegionReader.read(regionRoot, expectedID: id) { regions.append(region) }
            reattribute(overrides, target: .region(id), since: start, file: regionPath, log: log)
        }
        let used = regionElements.compactMap { $0.node?.scalar?.string }.filter(listed.contains)
        for override in overrides {
            if case .region(let id) = override.target, !listed.contains(id) {
                override.origin.error("override path \(TextQuote.quoted(override.path)) names region \(TextQuote.quoted(id)), which the plan does not use; expected one of: \(TextQuote.list(used))")
            }
        }
        guard let plan else { return nil }
        var scenario = Scenario(plan: plan, regions: regions, designs: designs, warnings: [])
        let checksStart = log.count
        if !log.hasErrors { TimeSliceResolution.resolve(&scenario, field: planField["time_slices"]) }
        ScenarioChecks.check(scenario, planField: planField, regionRoots: regionRoots, log: log)
        ReserveFloorChecks.check(scenario, regionRoots: regionRoots, log: log)
        // Errors these later checks find in a value an override set belong to the override, as the readers' do.
        reattribute(overrides, target: .plan, since: checksStart, file: path, log: log)
        for region in scenario.regions { reattribute(overrides, target: .region(region.id), since: checksStart, file: region.file, log: log) }
        var result = scenario
        result.warnings = log.warnings
        result.inputFiles = log.filesRead
        if log.suppressedWarnings > 0 {
            // A valid plan carries its warnings only: say at the plan how many were counted but not kept.
            result.warnings.append(Diagnostic(severity: .warning, file: path, line: 1, column: 1, fieldPath: "",
                                              message: "\(log.suppressedWarnings) more warnings not shown; only the first \(InputLimits.maximumDiagnostics) are kept"))
        }
        return result
    }

    /// The plan's `overrides`, then the command line's `--set`, at most ``InputLimits/maximumOverrides`` of them.
    private static func readOverrides(_ root: YAMLField, sets: [String], log: DiagnosticLog) -> [Override] {
        if root["overrides"].isPresent && root["overrides"].node?.mapping == nil {
            root["overrides"].error("expected a mapping from dotted path to value, e.g. {regions.ningxia.grid.price_usd_per_mwh: 30}")
        }
        let entries = root["overrides"].mappingEntries
        if entries.count + sets.count > InputLimits.maximumOverrides {
            let first = entries.count > InputLimits.maximumOverrides ? entries[InputLimits.maximumOverrides].field : root["overrides"]
            first.error("\(entries.count + sets.count) overrides are more than the limit of \(InputLimits.maximumOverrides); none was applied")
            return []
        }
        return entries.compactMap { Override.make(path: $0.key, value: $0.field.node ?? Node(""), origin: $0.field) }
            + sets.compactMap { Override.parse(commandLine: $0, log: log) }
    }

    private static func loadDesigns(_ path: String, reference: YAMLField, overrides: [Override], log: DiagnosticLog, cache: YAMLCache?) -> [ClusterDesign] {
        guard var node = YAMLDocument.read(path, log: log, cache: cache, reference: reference) else { return [] }
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

/// The id rule shared by every reader: lower-case letters, digits and '-'.
enum LinearIdentifier {
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a" ... "z").contains($0) || ("0" ... "9").contains($0) || $0 == "-" }
    }
}
