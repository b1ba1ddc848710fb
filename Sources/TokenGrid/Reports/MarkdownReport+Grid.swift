extension ReportDocument {
    /// Where grid headroom binds and what a MW of firm capacity is worth; reserve margins in the last year.
    static func grid(_ data: ReportData) -> ReportSection {
        let last = data.lastYear
        let binding = data.result.headroom.filter { $0.dualUSDPerMWYear > 0 }
        var blocks: [ReportBlock] = [.subheading("Binding headroom")]
        if binding.isEmpty {
            blocks.append(.paragraph("The reserve floor limits no site in any year: one more MW of firm grid capacity would not lower the cost."))
        } else {
            let order = Dictionary(data.siteIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let rows: [[ReportCell]] = binding.sorted { (order[$0.site] ?? 0, $0.year) < (order[$1.site] ?? 0, $1.year) }.map { value in
                [ReportCell(value.site), .integer(value.year), .scaled(value.dualUSDPerMWYear), .integer(value.bindingSlices), .mw(value.headroomMW)]
            }
            blocks.append(.paragraph("Sites and years where the reserve floor binds: the value of one more MW of firm grid capacity (the headroom rows' duals, undiscounted)."))
            blocks.append(.table(ReportTable(["site", "year", "value of 1 MW firm ($/MW-yr)", "binding slices (of \(data.plan.timeSlices.count))",
                                              "headroom before new load (MW)"], rows: rows)))
        }
        let headroom = Dictionary(data.result.headroom.filter { $0.year == last }.map { ($0.site, $0.headroomMW) }, uniquingKeysWith: { first, _ in first })
        let rows: [[ReportCell]] = data.sites(in: last).map { site in
            [ReportCell(site.site), .mw(site.peakGridMW), .percent(site.reserveMarginBefore), .percent(site.reserveMarginAfter),
             .percent(site.minReserveMargin), headroom[site.site].map { .mw($0) } ?? "–"]
        }
        blocks += [
            .subheading("Reserve margins in \(last)"),
            .paragraph("Reserve margin at the peak, firm capacity ÷ load − 1, with each slice's load taken at its highest hour (so the year's peak hour counts): before the data centres, and after their grid draw at the slice where it leaves the least margin, against each region's floor."),
            .chart(.reserveMargins),
            .table(ReportTable(["site", "peak grid draw (MW)", "margin before (%)", "margin after (%)", "floor (%)", "headroom before new load (MW)"], rows: rows)),
        ]
        return ReportSection(id: "grid", title: "Grid headroom", blocks: blocks)
    }

    /// Unserved demand by zone and year, with the limits that kept it from being served.
    static func unserved(_ data: ReportData) -> ReportSection {
        let result = data.result
        guard !result.shortfalls.isEmpty else {
            return ReportSection(id: "unserved", title: "Unserved demand", blocks: [.paragraph("All demand is served in every zone and year.")])
        }
        var blocks: [ReportBlock] = []
        let demand = data.totalDemandTokens
        if demand > 0 {
            blocks.append(.paragraph("\(NumberFormat.scaled(result.totalUnservedTokens)) tokens, \(NumberFormat.percent(result.totalUnservedTokens / demand)) of demand over the horizon, go unserved at a penalty of $\(ReportCell.usdPerMTokText(data.plan.unservedPenaltyUSDPerMTok)) per million."))
        }
        let rows: [[ReportCell]] = result.shortfalls.map { [ReportCell($0.zone), .integer($0.year), .scaled($0.unservedTokens), .percent($0.unservedShare)] }
        blocks.append(.table(ReportTable(["zone", "year", "unserved (tokens/yr)", "unserved (% of demand)"], rows: rows)))
        for shortfall in result.shortfalls {
            blocks.append(.subheading("Why \(shortfall.zone) is short in \(shortfall.year)"))
            blocks.append(shortfall.reasons.isEmpty ? .paragraph("No binding limit was identified.") : .list(shortfall.reasons))
        }
        return ReportSection(id: "unserved", title: "Unserved demand", blocks: blocks)
    }

    static func notes(_ data: ReportData) -> ReportSection {
        ReportSection(id: "notes", title: "Notes", blocks: [data.result.notes.isEmpty ? .paragraph("None.") : .list(data.result.notes)])
    }

    /// Grid emissions by site and year.
    static func carbon(_ data: ReportData) -> ReportSection {
        let years = data.years
        let rows: [[ReportCell]] = data.siteIDs.compactMap { id in
            let horizon = data.horizon(id)
            guard horizon.contains(where: { $0.emissionsTonnes > ReportCell.epsilon }) else { return nil }
            return [ReportCell(id)] + horizon.map { .scaled($0.emissionsTonnes) } + [.scaled(horizon.reduce(0) { $0 + $1.emissionsTonnes })]
        }
        let totals = years.map { year in data.sites(in: year).reduce(0) { $0 + $1.emissionsTonnes } }
        var blocks: [ReportBlock] = [.paragraph("Emissions of the grid energy the data centres draw (dedicated renewables count as zero)."
            + (data.plan.carbonPriceUSDPerTonne.map { " Carbon price ($/tCO2): \(describe($0))." } ?? " The plan sets no carbon price.")
            + (data.plan.carbonCapTonnesPerYear.map { " Cap (tCO2/yr): \(describe($0))." } ?? ""))]
        if rows.isEmpty {
            blocks.append(.paragraph("No site draws grid energy."))
        } else {
            blocks.append(.table(ReportTable(["site"] + years.map { "\($0) (tCO2)" } + ["total (tCO2)"], rows: rows,
                                             footer: [["total"] + totals.map { .scaled($0) } + [.scaled(totals.reduce(0, +))]])))
        }
        return ReportSection(id: "carbon", title: "Carbon", blocks: blocks)
    }

    /// Size of the solve and how well the reported solution satisfies the full LP. Timings are not here: they differ
    /// from run to run and go to the terminal and `timings.csv`.
    static func solver(_ data: ReportData) -> ReportSection {
        let s = data.result.solver
        var rows: [[ReportCell]] = [
            ["status", ReportCell(data.result.status.rawValue)],
            ["method", ReportCell(s.method)],
            ["objective ($, discounted)", .scaled(data.result.objectiveUSD)],
            ["rows (count)", .integer(s.rows)],
            ["columns (count)", .integer(s.columns)],
            ["nonzeros (count)", .integer(s.nonzeros)],
            ["iterations (count)", .integer(s.iterations)],
        ]
        if let check = s.check {
            rows += [
                ["primal residual (relative)", ReportCell(NumberFormat.scientific(check.primalResidual))],
                ["dual residual (relative)", ReportCell(NumberFormat.scientific(check.dualResidual))],
                ["duality gap (relative)", ReportCell(NumberFormat.scientific(check.dualityGap))],
            ]
        }
        var blocks: [ReportBlock] = [.table(ReportTable(["quantity (unit)", "value"], labels: 2, rows: rows))]
        if !s.attempts.isEmpty {
            blocks.append(.paragraph("Every solution is checked against the full LP before it is reported (primal and dual residuals and the duality gap, relative; tolerance 1e-6 each). Solves tried:"))
            blocks.append(.list(s.attempts))
        }
        return ReportSection(id: "solver", title: "Solver statistics", blocks: blocks)
    }
}
