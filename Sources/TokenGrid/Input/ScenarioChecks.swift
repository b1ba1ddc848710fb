import Foundation

/// Checks that need more than one file: references between plan, regions and designs.
enum ScenarioChecks {
    static func check(_ scenario: Scenario, planField: YAMLField, regionRoots: [String: YAMLField], log: DiagnosticLog) {
        let designIDs = Set(scenario.designs.map(\.id))
        // Lists for messages are made once: n errors must not cost n sorts and n joins of n names.
        let designList = TextQuote.list(designIDs.sorted())
        let regionIDs = Set(scenario.plan.regionIDs)
        let regionList = TextQuote.list(scenario.plan.regionIDs)
        let designsByID = scenario.designsByID
        for region in scenario.regions {
            let root = regionRoots[region.id] ?? YAMLField(node: nil, path: "", file: region.file, log: log)
            // Without a readable catalogue every design would be unknown: the catalogue's own errors say enough.
            for element in root["cluster_designs"].list(required: false) where !designIDs.isEmpty {
                guard let id = element["design"].node?.scalar?.string, !designIDs.contains(id) else { continue }
                element["design"].error("unknown cluster design \(TextQuote.quoted(id)); expected one of: \(designList)")
            }
            let hosted = Set(region.clusterDesigns.map(\.design))
            for element in root["data_centre"]["existing"].list(required: false) {
                guard let id = element["design"].node?.scalar?.string, !hosted.contains(id) else { continue }
                element["design"].error("existing cluster design \(TextQuote.quoted(id)) is not among this region's cluster_designs")
            }
            checkExistingWithinPeak(region, designs: designsByID, mix: scenario.plan.modelMix, field: root["data_centre"]["existing"])
        }
        // Pair zones with their fields by id: a zone that failed to read must not shift the others.
        var zoneFields: [String: YAMLField] = [:]
        for field in planField["zones"].identifiedList(required: false) {
            if let id = field["id"].node?.scalar?.string, zoneFields[id] == nil { zoneFields[id] = field }
        }
        checkServedBy(scenario, zoneFields: zoneFields, regionIDs: regionIDs, regionList: regionList)
        CostAttributionReader.checkCountries(scenario, planField: planField)
        // The projection and the designs' rates assume every zone and the model mix are complete and consistent: only
        // an otherwise valid plan is checked for them.
        guard !log.hasErrors else { return }
        checkDemand(scenario, zoneFields: zoneFields)
        var ratesChecked = Set<String>()
        for region in scenario.regions {
            guard let root = regionRoots[region.id] else { continue }
            checkDesignRates(scenario.plan, designs: designsByID, field: root["cluster_designs"], checked: &ratesChecked)
        }
    }

    /// `peak_load_mw` is the published peak and includes the clusters in service in `base_year`, so their busy draw
    /// must be below it (``Region/backgroundPeakLoadMW(in:designs:mix:)`` takes it out).
    private static func checkExistingWithinPeak(_ region: Region, designs: [String: ClusterDesign], mix: ModelMix, field: YAMLField) {
        guard !region.dataCentre.existing.isEmpty else { return }
        let grid = region.grid
        let draw = region.existingBusyDrawMW(in: grid.baseYear, designs: designs, mix: mix)
        guard draw >= grid.peakLoadMW.value else { return }
        field.error("the existing clusters in service in \(grid.baseYear) (base_year) draw \(YAMLField.format(draw.rounded())) MW when busy, "
            + "not less than grid.peak_load_mw \(YAMLField.format(grid.peakLoadMW.value)) MW; peak_load_mw is the system peak with the "
            + "data centres of base_year in it, so it must exceed their draw")
    }

    /// Every hosted design's tokens per second per MW of IT, full and sustained, for the plan's model mix in each of its
    /// years, lies within ``InputLimits/tokensPerSPerMW``: power and throughput may each be in range while their
    /// quotient is not. Each design is reported once, where a region first hosts it (`checked` holds the designs seen).
    private static func checkDesignRates(_ plan: Plan, designs: [String: ClusterDesign], field: YAMLField, checked: inout Set<String>) {
        let limits = InputLimits.tokensPerSPerMW
        for element in field.list(required: false) {
            guard let id = element["design"].node?.scalar?.string, let design = designs[id], checked.insert(id).inserted else { continue }
            let rates = plan.years.flatMap { [design.sustainedTokensPerSPerMW(mix: plan.modelMix, year: $0), design.tokensPerSPerMW(mix: plan.modelMix, year: $0)] }
            guard let outside = rates.first(where: { !limits.contains($0) }) else { continue }
            element["design"].error("cluster design \(TextQuote.quoted(id)) produces \(String(format: "%.3g", outside)) tokens/s per MW of IT for this plan's "
                + "model mix (from its power_w_per_accelerator and its measured or derived throughput in the design catalogue); expected "
                + "\(NumberFormat.grouped(limits.lowerBound, 0)) … \(NumberFormat.grouped(limits.upperBound, 0)) tokens/s per MW: check the throughput's unit (tokens/s per accelerator)")
        }
    }

    private static func checkServedBy(_ scenario: Scenario, zoneFields: [String: YAMLField], regionIDs: Set<String>, regionList: String) {
        for zone in scenario.plan.zones {
            guard let field = zoneFields[zone.id] else { continue }
            var unknown = false
            for element in field["served_by"]["sites"].list(required: false) {
                guard let id = element.node?.scalar?.string, !regionIDs.contains(id) else { continue }
                element.error("unknown site \(TextQuote.quoted(id)); a zone can be served only by the plan's regions: \(regionList)")
                unknown = true
            }
            for element in field["pairs"].list(required: false) {
                guard let id = element["site"].node?.scalar?.string, !regionIDs.contains(id) else { continue }
                element["site"].error("unknown site \(TextQuote.quoted(id)); a pair names one of the plan's regions: \(regionList)")
            }
            // A latency limit without a zone location is reported by the zone reader.
            guard !unknown, !scenario.regions.isEmpty, zone.servedBy.maxLatencyMS == nil || zone.location != nil,
                  scenario.sites(serving: zone).isEmpty else { continue }
            let forbidden = Set(zone.pairs.filter(\.forbidden).map(\.site))
            var allowed = scenario.regions.filter { !forbidden.contains($0.id) }
            if case .sites(let ids) = zone.servedBy { allowed = allowed.filter { ids.contains($0.id) } }
            if case .sitesWithin(let ids, _) = zone.servedBy { allowed = allowed.filter { ids.contains($0.id) } }
            if let limit = zone.servedBy.maxLatencyMS {
                let nearest = allowed.compactMap { region in zone.latencyMS(to: region).map { (region.id, $0) } }.min { $0.1 < $1.1 }
                field["served_by"]["max_latency_ms"].error("no site lies within \(YAMLField.format(limit)) ms"
                    + (nearest.map { "; the nearest is \($0.0) at \(Int($0.1.rounded())) ms" } ?? "; every site is forbidden by the zone's pairs"))
            } else {
                field["served_by"]["sites"].error("every listed site is forbidden by the zone's pairs; no site may serve the zone")
            }
        }
    }

    /// Every zone's projected demand in every planning year is finite and at most
    /// ``InputLimits/maximumProjectedTokensPerYear``: each input may be in range while their product is not.
    private static func checkDemand(_ scenario: Scenario, zoneFields: [String: YAMLField]) {
        let projection = DemandProjection(scenario: scenario)
        for zone in projection.zones {
            guard let field = zoneFields[zone.zoneID],
                  let year = zone.years.first(where: { !($0.tokensPerYear.isFinite && $0.tokensPerYear <= InputLimits.maximumProjectedTokensPerYear) })
            else { continue }
            let amount = year.tokensPerYear.isFinite ? "\(String(format: "%.3g", year.tokensPerYear)) tokens" : "more tokens than a number can hold"
            field["growth"].error("the demand projected for \(year.year) is \(amount), above the limit of \(YAMLField.format(InputLimits.maximumProjectedTokensPerYear)) tokens per year; check the growth rate, the base volume and its date")
        }
    }
}
