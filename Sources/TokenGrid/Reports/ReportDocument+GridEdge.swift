extension ReportDocument {
    /// Which grid-edge lever each site uses and why; the curtailment a plan uses and what its cap is worth; deferred
    /// tokens and what deferral saves. Nil for a plan without grid-edge levers or connection sizing.
    static func gridEdge(_ data: ReportData) -> ReportSection? {
        let result = data.result
        guard result.gridEdge != nil || result.deferrals != nil else { return nil }
        var blocks: [ReportBlock] = []
        if let edges = result.gridEdge {
            blocks.append(.paragraph("How each site connects new load beyond the grid's firm headroom: a flexible connection that the grid may curtail in its tightest hours (Norris et al., Duke University, 2025), on-site generation behind the meter, a battery, or firm capacity bought from the grid. Firm headroom is what is left for new load at the tightest slice; connected load is PUE × new IT MW less on-site generation."))
            let last = data.lastYear
            blocks.append(.chart(.gridEdge))
            blocks.append(.subheading("Levers in \(last)"))
            blocks.append(.list(edges.filter { $0.year == last }.map { "\($0.site): \($0.why)" }))
            let rows: [[ReportCell]] = edges.map { edge in
                [ReportCell(edge.site), .integer(edge.year), ReportCell(edge.connection), .mw(edge.connectedMW), .mw(edge.firmHeadroomMW),
                 edge.connectableMW.map { .mw($0) } ?? "–", .scaled(edge.curtailedHours), .scaled(edge.curtailedMWh), .scaled(edge.curtailmentCapValueUSDPerMWh),
                 .mw(edge.onsiteMW), .scaled(edge.onsiteMWh), .mw(edge.batteryMW), .scaled(edge.batteryMWh), .mw(edge.upgradeMW),
                 .scaled(edge.headroomValueUSDPerMWYear), ReportCell(edge.levers.isEmpty ? "–" : edge.levers.joined(separator: ", "))]
            }
            blocks.append(.subheading("By site and year"))
            blocks.append(.table(ReportTable(["site", "year", "connection", "connected (MW)", "firm headroom (MW)", "connectable at its share (MW)",
                                              "curtailed (h/yr)", "curtailed (MWh/yr)", "curtailment cap value ($/MWh)", "on-site (MW)", "on-site (MWh/yr)",
                                              "battery (MW)", "battery (MWh)", "upgrade bought (MW)", "value of 1 MW firm ($/MW-yr)", "levers"],
                                             labels: 3, rows: rows, sortable: true)))
        }
        if let deferrals = result.deferrals {
            blocks.append(.subheading("Deferred tokens"))
            var text = "Tokens of deferrable zones served later than asked, within their day."
            if let saving = result.deferralSavingUSD {
                text += " Deferral saves $\(NumberFormat.scaled(saving)) of total discounted cost against the same plan with every token served in its hour."
            }
            blocks.append(.paragraph(text))
            blocks.append(.table(ReportTable(["zone", "year", "deferred (tokens/yr)", "deferred (% of demand)", "mean wait (h)", "largest moves (from → to: tokens/yr)"],
                                             rows: deferrals.map { d in
                                                 [ReportCell(d.zone), .integer(d.year), .scaled(d.deferredTokens), .percent(d.deferredShare),
                                                  ReportCell(NumberFormat.fixed(d.meanDelayHours, 2), sortKey: d.meanDelayHours),
                                                  ReportCell(d.flows.prefix(3).map { "\($0.fromSlice) → \($0.toSlice): \(NumberFormat.scaled($0.tokens))" }.joined(separator: "; "))]
                                             })))
        }
        return ReportSection(id: "grid-edge", title: "Grid edge", blocks: blocks)
    }
}
