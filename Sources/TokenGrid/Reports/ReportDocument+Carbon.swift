extension ReportDocument {
    /// Grid emissions by site and year.
    static func carbon(_ data: ReportData) -> ReportSection {
        let years = data.years
        let rows: [[ReportCell]] = data.siteIDs.compactMap { id in
            let horizon = data.horizon(id)
            guard horizon.contains(where: { $0.emissionsTonnes > ReportCell.epsilon }) else { return nil }
            return [ReportCell(id)] + horizon.map { .scaled($0.emissionsTonnes) } + [.scaled(horizon.reduce(0) { $0 + $1.emissionsTonnes })]
        }
        let totals = years.map { data.metrics.year($0)?.emissionsTonnes ?? 0 }
        var blocks: [ReportBlock] = [.paragraph("Emissions of the grid energy the data centres draw (dedicated renewables count as zero)."
            + (data.plan.carbonPriceUSDPerTonne.map { " Carbon price ($/tCO2): \(describe($0))." } ?? " The plan sets no carbon price.")
            + (data.plan.carbonCapTonnesPerYear.map { " Cap (tCO2/yr): \(describe($0))." } ?? ""))]
        if rows.isEmpty {
            blocks.append(.paragraph("No site draws grid energy."))
        } else {
            blocks.append(.chart(.emissionsTrend))
            blocks.append(.table(ReportTable(["site"] + years.map { "\($0) (tCO2)" } + ["total (tCO2)"], rows: rows,
                                             footer: [["total"] + totals.map { .scaled($0) } + [.scaled(totals.reduce(0, +))]])))
        }
        return ReportSection(id: "carbon", title: "Carbon", blocks: blocks)
    }
}
