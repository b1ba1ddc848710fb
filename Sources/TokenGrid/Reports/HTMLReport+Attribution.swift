extension HTMLReport {
    /// The waterfall of one comparison of ``CostAttribution``: from one side's cost per million tokens, each driver's
    /// share (largest first, grid tightness last), to the other side's. Each total is the reported cost with any grid
    /// scarcity on top.
    static func costAttributionChart(_ data: ReportData, _ index: Int) -> String {
        guard let attribution = data.result.costAttribution, attribution.comparisons.indices.contains(index) else { return "" }
        let comparison = attribution.comparisons[index]
        let text = CostAttributionText(comparison: comparison, year: attribution.year, data: data)
        func total(_ side: CostComparison.Side) -> SVGChart.WaterfallTotal {
            SVGChart.WaterfallTotal(label: side.name, parts: [("reported cost", side.costUSDPerMTok, "#4e79a7"), ("grid scarcity", side.gridScarcityUSDPerMTok, "#f1ce63")]
                .filter { $0.value != 0 })
        }
        let drivers = comparison.contributions.filter { $0.driver != .gridTightness && abs($0.usdPerMTok) >= ReportCell.epsilon }
            .sorted { abs($0.usdPerMTok) > abs($1.usdPerMTok) }
            + comparison.contributions.filter { $0.driver == .gridTightness && $0.usdPerMTok != 0 }
        let svg = SVGChart.waterfall(start: total(comparison.from), steps: drivers.map { ($0.driver.label, $0.usdPerMTok) }, end: total(comparison.to),
                                     up: ("raises the cost", "#e15759"), down: ("lowers the cost", "#59a14f"),
                                     xTitle: "$ per million tokens, \(attribution.year)", format: text.usd, signedFormat: text.signed,
                                     label: "Why a token costs what it costs: \(text.title)")
        return figure(svg, caption: "From \(text.name(comparison.from)) to \(text.name(comparison.to)) in \(attribution.year): each driver's share of the gap in cost per million tokens (Shapley values; grid tightness, a scarcity value no site pays, last).")
    }
}
