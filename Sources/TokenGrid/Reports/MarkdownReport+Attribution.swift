extension ReportDocument {
    /// Why a token costs what it costs: each gap in cost per million tokens between two sites or two countries, in
    /// words, as a waterfall (HTML) and as a table of the drivers' values and shares. Nil when nothing is compared.
    static func costAttribution(_ data: ReportData) -> ReportSection? {
        guard let attribution = data.result.costAttribution else { return nil }
        var blocks: [ReportBlock] = [.paragraph(
            "Each gap in cost per million tokens in \(attribution.year) split among its drivers. Nine drivers share the gap in reported cost by their Shapley values: each is swapped from one side's value to the other's, one at a time in every order, and its mean effect on the cost is its share, so the shares add up to the gap. Throughput is tokens per MW of IT a year (what the accelerators can produce at full power × how much of it they do), and carries the energy those tokens take; renewables and grid edge is the site's own supply (renewables, on-site power, storage, grid upgrades) with the share of energy it takes off the grid. Grid tightness is the value of headroom where it binds (the shadow price of firm capacity, $/MW-yr, × (1 + reserve floor) × peak grid draw ÷ tokens): a scarcity value no site pays, shown on top of the reported cost. A country is its producing sites pooled. The cost function and the formula are in docs/formulation.md.")]
        for (index, comparison) in attribution.comparisons.enumerated() {
            let text = CostAttributionText(comparison: comparison, year: attribution.year, data: data)
            blocks += [.subheading(text.title), .paragraph(text.explanation), .chart(.costAttribution(index)), .table(attributionTable(text))]
        }
        if !attribution.skipped.isEmpty { blocks += [.subheading("Not compared"), .list(attribution.skipped)] }
        return ReportSection(id: "why", title: "Why a token costs what it costs", blocks: blocks)
    }

    /// Each driver's value on the two sides and its share of the gap; footers: the reported cost, and with grid
    /// scarcity when either side has any.
    private static func attributionTable(_ text: CostAttributionText) -> ReportTable {
        let comparison = text.comparison, a = comparison.from.drivers, b = comparison.to.drivers
        let gap = comparison.gapUSDPerMTok
        func share(_ value: Double) -> ReportCell { abs(gap) < CostAttributionText.negligibleUSDPerMTok ? "–" : .percent(value / gap) }
        func usdScaled(_ value: Double) -> ReportCell { ReportCell(NumberFormat.scaled(value), sortKey: value) }
        func fixed(_ value: Double, _ digits: Int) -> ReportCell { ReportCell(NumberFormat.fixed(value, digits), sortKey: value) }
        func values(_ driver: CostDriver) -> (unit: String, from: ReportCell, to: ReportCell) {
            switch driver {
            case .throughput:
                return ("tokens/MW-yr (utilisation)", ReportCell("\(NumberFormat.scaled(a.mtokPerMWYear * 1e6)) (\(text.utilisation(comparison.from)))"),
                        ReportCell("\(NumberFormat.scaled(b.mtokPerMWYear * 1e6)) (\(text.utilisation(comparison.to)))"))
            case .acceleratorPrice: return ("$/MW-yr of IT", usdScaled(a.acceleratorUSDPerMWYear), usdScaled(b.acceleratorUSDPerMWYear))
            case .facilityCapex: return ("$/MW-yr of IT", usdScaled(a.facilityUSDPerMWYear), usdScaled(b.facilityUSDPerMWYear))
            case .fixedOM: return ("$/MW-yr of IT", usdScaled(a.fixedOMUSDPerMWYear), usdScaled(b.fixedOMUSDPerMWYear))
            case .powerPrice: return ("$/MWh", fixed(a.powerPriceUSDPerMWh, 2), fixed(b.powerPriceUSDPerMWh, 2))
            case .pue: return ("–", fixed(a.pue, 3), fixed(b.pue, 3))
            case .carbon: return ("$/MWh", fixed(a.carbonUSDPerMWh, 2), fixed(b.carbonUSDPerMWh, 2))
            case .gridTightness: return ("$/MW-yr of facility power", usdScaled(a.gridScarcityUSDPerMWYear), usdScaled(b.gridScarcityUSDPerMWYear))
            case .ownSupply:
                return ("$/MW-yr of IT (grid share of energy)", ReportCell("\(NumberFormat.scaled(a.ownSupplyUSDPerMWYear)) (\(NumberFormat.percent(a.gridShare)))"),
                        ReportCell("\(NumberFormat.scaled(b.ownSupplyUSDPerMWYear)) (\(NumberFormat.percent(b.gridShare)))"))
            case .network: return ("$/M tokens", .usdPerMTok(a.networkUSDPerMTok), .usdPerMTok(b.networkUSDPerMTok))
            }
        }
        let rows: [[ReportCell]] = comparison.contributions.map { contribution in
            let (unit, from, to) = values(contribution.driver)
            // Drivers equal on both sides leave specks of rounding (−1e-18), shown as "–".
            let value = contribution.usdPerMTok, zero = abs(value) < 1e-9
            return [ReportCell(contribution.driver.label), ReportCell(unit), from, to, zero ? ReportCell("–", sortKey: 0) : .usdPerMTok(value), zero ? "–" : share(value)]
        }
        let reportedGap = comparison.to.costUSDPerMTok - comparison.from.costUSDPerMTok
        var footer: [[ReportCell]] = [["reported cost", "$/M tokens", .usdPerMTok(comparison.from.costUSDPerMTok), .usdPerMTok(comparison.to.costUSDPerMTok),
                                       .usdPerMTok(reportedGap), share(reportedGap)]]
        if comparison.from.gridScarcityUSDPerMTok > 0 || comparison.to.gridScarcityUSDPerMTok > 0 {
            footer.append(["with grid scarcity", "$/M tokens", .usdPerMTok(a.costUSDPerMTok), .usdPerMTok(b.costUSDPerMTok), .usdPerMTok(gap), share(gap)])
        }
        return ReportTable(["driver", "unit", comparison.from.name, comparison.to.name, "share of the gap ($/M tokens)", "share of the gap (%)"],
                           labels: 2, rows: rows, footer: footer)
    }
}
