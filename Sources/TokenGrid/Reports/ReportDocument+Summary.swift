import Foundation

extension ReportDocument {
    /// The report's sections, in the order a planner reads them: the answer first, the solver last.
    init(_ report: Report) {
        let data = ReportData(report)
        let result = report.result
        title = "TokenGrid plan: \(report.scenario.plan.name)"
        byline = ["Solve status: \(result.status.rawValue). \(report.tool)" + (report.generatedAt.map { ", generated \($0)" } ?? "") + "."]
        sections = [
            Self.summary(data), Self.map(data), Self.scenario(data), Self.demand(data), Self.capacity(data), Self.costs(data), Self.marginalCosts(data),
            Self.market(data), Self.grid(data),
        ] + [Self.gridEdge(data), Self.costAttribution(data)].compactMap { $0 } + [
            Self.dispatch(data), Self.unserved(data), Self.notes(data), Self.carbon(data), Self.solver(data),
        ]
    }

    /// The handful of numbers a planner asks for first.
    static func summary(_ data: ReportData) -> ReportSection {
        let result = data.result, last = data.lastYear
        let penalty = result.costBreakdownUSD.unservedPenalty
        var items = ["Total discounted cost (\(data.plan.firstYear) $): \(NumberFormat.money(data.metrics.discountedCostUSD))"
            + (penalty >= 0.5 ? ", without the penalty on unserved tokens (below)." : ".")]
        let installed = data.sites(in: last).reduce(0) { $0 + $1.itMWInstalled }
        let building = data.sites(in: last).filter { $0.itMWInstalled > ReportCell.epsilon }.count
        items.append("IT capacity in service in \(last): \(ReportCell.mwText(installed)) MW at \(building) of \(data.siteIDs.count) sites.")
        if let floor = data.costFloor {
            items.append("Cost per million tokens in \(last): $\(ReportCell.usdPerMTokText(floor.cheapest.costUSDPerMTok)) at the cheapest site (\(floor.cheapest.site)), $\(ReportCell.usdPerMTokText(floor.mean)) token-weighted over all sites.")
        }
        let metrics = data.metrics
        items.append(metrics.demandTokens > 0 && metrics.unservedTokens > 0
            ? "Unserved: \(NumberFormat.scaled(metrics.unservedTokens)) tokens, \(NumberFormat.percent(metrics.unservedShare)) of demand over the horizon; at the penalty of $\(ReportCell.usdPerMTokText(data.plan.unservedPenaltyUSDPerMTok)) per million tokens they add \(NumberFormat.money(penalty)) (discounted) to the objective, on top of the cost above."
            : "All demand is served.")
        let binding = result.headroom.filter { $0.dualUSDPerMWYear > 0 }
        items.append(binding.isEmpty ? "Grid headroom binds at no site."
            : "Grid headroom binds at \(Set(binding.map(\.site)).count) site(s) in \(binding.count) site-year(s).")
        if !result.notes.isEmpty { items.append("\(result.notes.count) note(s) below.") }
        return ReportSection(id: "summary", title: "Summary", blocks: [.list(items)])
    }

    static func scenario(_ data: ReportData) -> ReportSection {
        let plan = data.plan
        var settings: [[ReportCell]] = [
            ["name", ReportCell(plan.name)],
            ["plan file", ReportCell(plan.file)],
            ["years", ReportCell("\(plan.firstYear)–\(plan.lastYear) (\(plan.years.count) years)")],
            ["sites", ReportCell("\(plan.regionIDs.count): " + plan.regionIDs.joined(separator: ", "))],
            ["demand zones", ReportCell("\(plan.zones.count): " + data.zoneIDs.joined(separator: ", "))],
            ["time slices", ReportCell("\(plan.timeSlices.count), covering \(NumberFormat.fixed(plan.timeSlices.totalHours, 0)) h/yr")],
            ["discount rate (%/yr)", .percent(plan.discountRate)],
            ["unserved penalty ($/M tokens)", .usdPerMTok(plan.unservedPenaltyUSDPerMTok)],
            ["input share of tokens (%)", .percent(data.report.inputShare)],
            ["model classes (share in \(plan.firstYear) → \(plan.lastYear))",
             ReportCell(plan.modelMix.classes.map { "\($0.id) \(NumberFormat.percent($0.share.value(in: plan.firstYear))) → \(NumberFormat.percent($0.share.value(in: plan.lastYear)))" }.joined(separator: ", "))],
        ]
        let yearMaps: [(String, YearMap?)] = [("carbon price ($/tCO2)", plan.carbonPriceUSDPerTonne), ("carbon cap (tCO2/yr)", plan.carbonCapTonnesPerYear),
                                              ("capex budget ($/yr)", plan.budgetUSDPerYear)]
        for case let (name, map?) in yearMaps { settings.append([ReportCell(name), ReportCell(describe(map))]) }
        settings.append(["overrides applied", ReportCell(plan.overridesApplied.isEmpty ? "none" : "\(plan.overridesApplied.count) (listed below)")])
        settings.append(["loading warnings", ReportCell(data.report.scenario.warnings.isEmpty ? "none" : "\(data.report.scenario.warnings.count) (listed below)")])

        var blocks: [ReportBlock] = [.paragraph(plan.description.trimmingCharacters(in: .whitespacesAndNewlines)), .table(ReportTable(["setting", "value"], labels: 2, rows: settings))]
        if !plan.overridesApplied.isEmpty { blocks += [.subheading("Overrides applied"), .list(plan.overridesApplied, code: true)] }
        if !data.report.scenario.warnings.isEmpty {
            blocks += [.subheading("Warnings while loading"), .list(data.report.scenario.warnings.map(\.description), code: true)]
        }
        blocks += [.subheading("Sites"), .table(sitesTable(data)), .subheading("Demand zones"), .table(zonesTable(data))]
        return ReportSection(id: "scenario", title: "Scenario", blocks: blocks)
    }

    private static func sitesTable(_ data: ReportData) -> ReportTable {
        let first = data.plan.firstYear
        let rows: [[ReportCell]] = data.report.scenario.regions.map { region in
            let grid = region.grid, centre = region.dataCentre
            return [ReportCell(region.id), ReportCell(region.name), ReportCell(region.country), ReportCell(region.clusterDesigns.map(\.design).joined(separator: ", ")),
                    ReportCell(NumberFormat.fixed(centre.pue.value, 2), sortKey: centre.pue.value),
                    ReportCell(NumberFormat.fixed(grid.priceUSDPerMWh(in: first), 1), sortKey: grid.priceUSDPerMWh(in: first)),
                    ReportCell(NumberFormat.fixed(grid.carbonTonnesPerMWh.value, 3), sortKey: grid.carbonTonnesPerMWh.value),
                    .mw(centre.maxITMWPerYear.value), .mw(centre.maxITMWTotal.value), .integer(Int(centre.earliestBuildYear.value))]
        }
        return ReportTable(["site", "name", "country", "designs", "PUE (–)", "power price \(first) ($/MWh)", "grid carbon (tCO2/MWh)",
                            "build limit (MW IT/yr)", "total limit (MW IT)", "earliest build (year)"], labels: 4, rows: rows)
    }

    private static func zonesTable(_ data: ReportData) -> ReportTable {
        let rows: [[ReportCell]] = data.plan.zones.map { zone in
            let sites = data.report.scenario.sites(serving: zone).map(\.id)
            let servedBy = (zone.servedBy.maxLatencyMS.map { "within \(NumberFormat.fixed($0, 0)) ms: " } ?? "")
                + (sites.isEmpty ? "none" : sites.joined(separator: ", "))
            return [ReportCell(zone.id), ReportCell(zone.name), ReportCell(zone.growth.name), ReportCell(servedBy), .usdPerMTok(zone.networkCostUSDPerMTok)]
        }
        return ReportTable(["zone", "name", "growth model", "served by", "network cost ($/M tokens)"], labels: 4, rows: rows)
    }

    /// "2025: 0, 2030: 60", or the one value of a constant map.
    static func describe(_ map: YearMap) -> String {
        map.isConstant ? NumberFormat.scaled(map.points.first?.value ?? 0)
            : map.points.map { "\($0.year): \(NumberFormat.scaled($0.value))" }.joined(separator: ", ")
    }
}
