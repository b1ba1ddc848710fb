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
}
