extension ReportDocument {
    /// How the sites run through the slices of the last year: peak grid draw, the headroom left, renewables; the HTML
    /// adds the largest sites' peak days and typical weeks.
    static func dispatch(_ data: ReportData) -> ReportSection {
        let last = data.lastYear
        var blocks: [ReportBlock] = [.paragraph("How the sites with capacity in service run through the time slices of \(last): grid draw and renewable use against the grid headroom each slice leaves them (firm capacity ÷ (1 + floor) − the slice's highest other load). `dispatch.csv` holds every site, year and slice; it comes with the csv format while it would be at most about \(DispatchPolicy.automaticMaxBytes / 1_000_000) MB, and `tokengrid plan --dispatch` writes it whatever its size.")]
        guard let view = DispatchView(data), !view.sites.isEmpty else {
            blocks.append(.paragraph(data.result.dispatch.sites.isEmpty ? "This result carries no dispatch by slice." : "No site has capacity in service in \(last)."))
            return ReportSection(id: "dispatch", title: "Dispatch", blocks: blocks)
        }
        let weights = view.table.sliceWeightHours, hours = weights.reduce(0, +)
        let rows: [[ReportCell]] = view.sites.map { site in
            let row = site.dispatch
            let gridMWh = row.gridMW.indices.reduce(0) { $0 + row.gridMW[$1] * weights[$1] }
            let renewableMWh = row.renewableMW.indices.reduce(0) { $0 + row.renewableMW[$1] * weights[$1] }
            let leastLeft = row.gridMW.indices.map { row.headroomMW[$0] - row.gridMW[$0] }.min() ?? 0
            let renewableShare = gridMWh + renewableMWh > 0 ? renewableMWh / (gridMWh + renewableMWh) : 0
            return [ReportCell(row.site), .mw(site.installedMW), .mw(site.peakGridMW), ReportCell(view.sliceLabel(site.peakSlice)),
                    .mw(row.headroomMW[site.peakSlice]), .mw(leastLeft), .mw(hours > 0 ? gridMWh / hours : 0), .percent(renewableShare)]
        }
        var table = ReportTable(["site", "in service (MW IT)", "peak grid draw (MW)", "peak at (slice)", "headroom then (MW)",
                                 "least headroom left (MW)", "mean grid draw (MW)", "renewables (% of energy)"], rows: rows)
        table.columns[3].numeric = false
        table.columns[3].unbroken = true
        blocks.append(.table(table))
        let charted = view.charted.count
        let which = charted < view.sites.count ? "the \(charted) largest of the \(view.sites.count) sites by MW in service (largest first)" : "each site (largest first)"
        blocks.append(.paragraph("The HTML report draws, for \(which), the peak day (the \(view.blockNoun) holding its highest grid draw) and \(view.stretchDescription)."))
        blocks.append(.chart(.dispatch))
        return ReportSection(id: "dispatch", title: "Dispatch", blocks: blocks)
    }
}
