import Foundation

/// All region files of a folder, with the design catalogue beside them.
public struct RegionCatalogue: Sendable {
    public var regions: [Region]
    public var designs: [ClusterDesign]
    public var warnings: [Diagnostic]

    /// Name of the design catalogue inside a regions folder.
    public static let designsFileName = "designs.yaml"

    /// Loads every `*.yaml` in `directory` as a region (the design catalogue apart), sorted by id.
    /// - Throws: ``InputError`` with every error of every file.
    public static func load(directory: String) throws -> RegionCatalogue {
        let log = DiagnosticLog()
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") && $0 != designsFileName }.sorted()
        if files.isEmpty {
            log.add(Diagnostic(severity: .error, file: directory, line: nil, column: nil, fieldPath: "", message: "no region files (*.yaml) in this folder"))
        }
        var regions: [Region] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let node = YAMLDocument.read(path, log: log) else { continue }
            let id = String(file.dropLast(".yaml".count))
            if let region = RegionReader.read(YAMLField(node: node, path: "", file: path, log: log), expectedID: id) { regions.append(region) }
        }
        let designsPath = (directory as NSString).appendingPathComponent(designsFileName)
        let designs = YAMLDocument.read(designsPath, log: log).map { DesignReader.read(YAMLField(node: $0, path: "", file: designsPath, log: log)) } ?? []
        let designIDs = Set(designs.map(\.id))
        let designList = TextQuote.list(designIDs.sorted())
        for region in regions {
            for (index, hosted) in region.clusterDesigns.enumerated() where !designIDs.contains(hosted.design) {
                YAMLField(node: nil, path: "cluster_designs[\(index)].design", file: region.file, log: log)
                    .error("unknown cluster design '\(hosted.design)'; expected one of: \(designList)")
            }
        }
        guard !log.hasErrors else { throw log.inputError }
        return RegionCatalogue(regions: regions, designs: designs, warnings: log.warnings)
    }

    /// Key figures per region for the base year.
    public func table() -> String {
        let header = ["region", "country", "base", "firm MW", "peak MW", "margin now", "floor", "headroom MW", "$/MWh", "tCO2/MWh", "PUE", "IT MW max", "designs"]
        let rows = regions.map { r -> [String] in
            let g = r.grid
            let headroom = g.reserveFloorMW(in: g.baseYear) - g.peakLoadMW.value
            return [r.id, r.country, String(g.baseYear), NumberFormat.fixed(g.firmCapacityMW.value, 0), NumberFormat.fixed(g.peakLoadMW.value, 0),
                    NumberFormat.percent(g.reserveMarginBeforeDataCentres(in: g.baseYear)), NumberFormat.percent(g.minReserveMargin.value),
                    NumberFormat.fixed(headroom, 0), NumberFormat.fixed(g.priceUSDPerMWh.value, 1), NumberFormat.fixed(g.carbonTonnesPerMWh.value, 3),
                    NumberFormat.fixed(r.dataCentre.pue.value, 2), NumberFormat.fixed(r.dataCentre.maxITMWTotal.value, 0),
                    r.clusterDesigns.map(\.design).joined(separator: " ")]
        }
        return DemandTable.table(header: header, rows: rows).joined(separator: "\n") + "\n"
    }

    /// The regions as JSON (sorted keys, reproducible).
    public func json() throws -> Data {
        var data = try JSONKeys.encoder().encode(regions)
        data.append(contentsOf: Array("\n".utf8))
        return data
    }
}
