extension ReportDocument {
    /// Unserved demand by zone and year, with the limits that kept it from being served.
    static func unserved(_ data: ReportData) -> ReportSection {
        let result = data.result
        guard !result.shortfalls.isEmpty else {
            return ReportSection(id: "unserved", title: "Unserved demand", blocks: [.paragraph("All demand is served in every zone and year.")])
        }
        var blocks: [ReportBlock] = []
        let metrics = data.metrics
        if metrics.demandTokens > 0 {
            blocks.append(.paragraph("\(NumberFormat.scaled(metrics.unservedTokens)) tokens, \(NumberFormat.percent(metrics.unservedShare)) of demand over the horizon, go unserved at a penalty of $\(ReportCell.usdPerMTokText(data.plan.unservedPenaltyUSDPerMTok)) per million: \(NumberFormat.money(data.result.costBreakdownUSD.unservedPenalty)) discounted to \(data.plan.firstYear), which the objective includes and the total discounted cost in the summary leaves out."))
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
}
