/// Checks that need more than one file: references between plan, regions and designs.
enum ScenarioChecks {
    static func check(_ scenario: Scenario, planField: YAMLField, log: DiagnosticLog) {
        let designIDs = Set(scenario.designs.map(\.id))
        let regionIDs = scenario.plan.regionIDs
        for region in scenario.regions {
            let regionField = YAMLField(node: nil, path: "", file: region.file, log: log)
            for (index, hosted) in region.clusterDesigns.enumerated() where !designIDs.contains(hosted.design) {
                regionField.located("cluster_designs[\(index)].design")
                    .error("unknown cluster design '\(hosted.design)'; expected one of: \(designIDs.sorted().joined(separator: ", "))")
            }
            for (index, existing) in region.dataCentre.existing.enumerated()
            where !region.clusterDesigns.contains(where: { $0.design == existing.design }) {
                regionField.located("data_centre.existing[\(index)].design")
                    .error("existing cluster design '\(existing.design)' is not among this region's cluster_designs")
            }
        }
        let zoneFields = planField["zones"].identifiedList(required: false)
        for (zone, field) in zip(scenario.plan.zones, zoneFields) {
            switch zone.servedBy {
            case .sites(let ids):
                for (index, id) in ids.enumerated() where !regionIDs.contains(id) {
                    field["served_by"]["sites"].list()[index]
                        .error("unknown site '\(id)'; a zone can be served only by the plan's regions: \(regionIDs.joined(separator: ", "))")
                }
            case .maxLatencyMS(let limit):
                if scenario.sites(serving: zone).isEmpty, let location = zone.location, !scenario.regions.isEmpty {
                    let nearest = scenario.regions.map { ($0.id, $0.location.roundTripMS(to: location)) }.min { $0.1 < $1.1 }!
                    field["served_by"]["max_latency_ms"].error(
                        "no site lies within \(YAMLField.format(limit)) ms; the nearest is \(nearest.0) at \(Int(nearest.1.rounded())) ms")
                }
            }
        }
    }
}

extension YAMLField {
    /// A field at a path in a file whose node is not at hand (cross-file checks): reported without line and column.
    func located(_ path: String) -> YAMLField {
        YAMLField(node: nil, path: path, file: file, log: log)
    }
}
