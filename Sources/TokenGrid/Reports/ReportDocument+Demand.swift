extension ReportDocument {
    /// Demand per zone and year as projected, and how much of it is served.
    static func demand(_ data: ReportData) -> ReportSection {
        var blocks: [ReportBlock] = [.paragraph("Token demand per zone as projected from each zone's growth model; growth is the ratio to the year before."),
                                     .chart(.demand)]
        for zone in data.plan.zones {
            guard let projected = data.report.demand.zone(zone.id), let first = projected.years.first, let last = projected.years.last else { continue }
            blocks.append(.subheading("\(zone.id) — \(zone.name)"))
            var text = growthText(zone, projected.curve)
            if let fit = projected.fit {
                text += " Fitted to \(fit.observationCount) observations: R² (log) \(NumberFormat.fixed(fit.rSquaredLog, 3)), implied growth \(NumberFormat.percent(fit.impliedGrowthPerYear))/yr."
            }
            if first.tokensPerYear > 0 {
                text += " Demand grows ×\(NumberFormat.fixed(last.tokensPerYear / first.tokensPerYear, 1)) from \(first.year) to \(last.year)."
            }
            blocks.append(.paragraph(text))
            var previous: Double?
            let rows: [[ReportCell]] = projected.years.map { year in
                defer { previous = year.tokensPerYear }
                let result = data.zone(zone.id, year.year)
                return [.integer(year.year), .scaled(year.tokensPerYear), previous.map { .factor(year.tokensPerYear / $0) } ?? "–",
                        .scaled(year.averageTokensPerS), .scaled(year.peakTokensPerS), result.map { .scaled($0.servedTokens) } ?? "–",
                        result.map { .percent($0.unservedShare) } ?? "–"]
            }
            blocks.append(.table(ReportTable(["year", "demand (tokens/yr)", "growth (× previous year)", "mean (tokens/s)", "peak slice (tokens/s)",
                                              "served (tokens/yr)", "unserved (% of demand)"], rows: rows)))
        }
        return ReportSection(id: "demand", title: "Demand to \(data.lastYear)", blocks: blocks)
    }

    /// IT capacity in service by site, design and year, with what is commissioned each year.
    static func capacity(_ data: ReportData) -> ReportSection {
        let years = data.years
        var rows: [[ReportCell]] = []
        var idle: [String] = []
        for site in data.siteIDs {
            let builds = data.result.builds.filter { $0.site == site }
            var designs: [String] = []
            for build in builds where !designs.contains(build.design) { designs.append(build.design) }
            var any = false
            for design in designs {
                let byYear = Dictionary(builds.filter { $0.design == design }.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
                guard byYear.values.contains(where: { $0.itMWInstalled > ReportCell.epsilon }) else { continue }
                any = true
                rows.append([ReportCell(site), ReportCell(design)] + years.map { year in
                    byYear[year].map { capacityCell(installed: $0.itMWInstalled, built: $0.itMWBuilt) } ?? "–"
                })
            }
            if !any { idle.append(site) }
        }
        let totals: [ReportCell] = years.map { year in
            let sites = data.sites(in: year)
            return capacityCell(installed: sites.reduce(0) { $0 + $1.itMWInstalled }, built: sites.reduce(0) { $0 + $1.itMWBuilt })
        }
        var blocks: [ReportBlock] = [
            .paragraph("MW of IT load in service at the end of each year; \"+\" is what is commissioned that year. Facility power is this times the site's PUE."),
            .chart(.capacity),
        ]
        if rows.isEmpty {
            blocks.append(.paragraph("No capacity is in service at any site."))
        } else {
            blocks.append(.table(ReportTable(["site", "design"] + years.map { "\($0) (MW IT)" }, labels: 2, rows: rows,
                                             footer: [["total", ""] + totals])))
        }
        if !idle.isEmpty { blocks.append(.paragraph("No capacity at: \(idle.joined(separator: ", ")).")) }
        return ReportSection(id: "capacity", title: "Where capacity is built", blocks: blocks)
    }

    /// The growth model in words: compound growth from its base volume, else the closed-form curve.
    private static func growthText(_ zone: DemandZone, _ curve: GrowthCurve) -> String {
        guard case .cagr(let rate) = zone.growth, let base = zone.base else {
            return "Growth model \(zone.growth.name): \(DemandTable.describe(curve))."
        }
        return "Growth model cagr: \(NumberFormat.percent(rate))/yr from \(NumberFormat.scaled(base.tokens)) tokens per \(base.per.rawValue) on \(base.date)"
            + (base.source.map { " (\($0))" } ?? "") + "."
    }

    /// "12.3 (+4.5)": installed, and built when anything was.
    private static func capacityCell(installed: Double, built: Double) -> ReportCell {
        let cell = ReportCell.mw(installed)
        return built > ReportCell.epsilon ? ReportCell(cell.text + " (+" + ReportCell.mwText(built) + ")", sortKey: installed) : cell
    }
}
