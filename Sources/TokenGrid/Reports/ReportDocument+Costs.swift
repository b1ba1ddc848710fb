extension ReportDocument {
    /// Cost per million tokens by site and component: in the last year, and levelised over the horizon.
    static func costs(_ data: ReportData) -> ReportSection {
        let last = data.lastYear, first = data.plan.firstYear
        let lastYear = data.producing(in: last)
        let levelised = data.metrics.levelisedBySite
        let components = data.components.map { "\($0.name) ($/M tokens)" }
        var blocks: [ReportBlock] = [
            .paragraph("Each site's own cost divided by the tokens it produced. Capex is annualised over the design's life at the discount rate; network is the zones' cost of carrying tokens from the site. Click a column title in the HTML report to sort."),
            .chart(.costByComponent),
            .subheading("In \(last)"),
        ]
        if lastYear.isEmpty {
            blocks.append(.paragraph("No site produces tokens in \(last)."))
        } else {
            let rows: [[ReportCell]] = lastYear.map { site in
                [ReportCell(site.site), .scaled(site.tokens), .mw(site.itMWInstalled), .usdPerMTok(site.costUSDPerMTok)]
                    + data.components.map { .usdPerMTok(site.costUSDPerMTokBreakdown[keyPath: $0.value]) } + [.millionsUSD(site.costUSD.total)]
            }
            let total = data.metrics.year(last)?.tokenWeighted
            let footer: [ReportCell] = ["all sites", .scaled(total?.tokens ?? 0), .mw(lastYear.reduce(0) { $0 + $1.itMWInstalled })]
                + costCells(total, data) + [.millionsUSD(total?.costUSD ?? 0)]
            blocks.append(.table(ReportTable(["site", "tokens (tokens/yr)", "installed (MW IT)", "total ($/M tokens)"] + components + ["cost (M$/yr)"],
                                             rows: rows, footer: [footer], sortable: true)))
        }
        let idle = data.sites(in: last).filter { $0.tokens <= 0 && $0.costUSD.total > 1 }
        if !idle.isEmpty {
            blocks.append(.paragraph("Paying for capacity without producing tokens in \(last): " + idle.map { "\($0.site) (\(NumberFormat.money($0.costUSD.total))/yr)" }.joined(separator: ", ") + "."))
        }
        blocks.append(.subheading("Over \(first)–\(last), levelised"))
        blocks.append(.paragraph("Discounted cost over the horizon divided by discounted tokens, at the plan's \(NumberFormat.percent(data.plan.discountRate))/yr: the constant price per million tokens that would just pay for the site."))
        if let total = data.metrics.levelised {
            let rows: [[ReportCell]] = levelised.map { [ReportCell($0.site), .scaled($0.cost.tokens)] + costCells($0.cost, data) + [.millionsUSD($0.cost.costUSD)] }
            let footer: [ReportCell] = ["all sites", .scaled(total.tokens)] + costCells(total, data) + [.millionsUSD(total.costUSD)]
            blocks.append(.table(ReportTable(["site", "tokens \(first)–\(last) (tokens)", "levelised total ($/M tokens)"] + components + ["discounted cost (M$, \(first) $)"],
                                             rows: rows, footer: [footer], sortable: true)))
        } else {
            blocks.append(.paragraph("No site produces tokens over the horizon."))
        }
        blocks += trend(data)
        return ReportSection(id: "costs", title: "Cost per million tokens by site", blocks: blocks)
    }

    /// Cost per million tokens over all producing sites, year by year, by component.
    private static func trend(_ data: ReportData) -> [ReportBlock] {
        let years = data.metrics.years.compactMap { year in year.tokenWeighted.map { (year.year, $0) } }
        guard !years.isEmpty else { return [] }
        let rows: [[ReportCell]] = years.map { year, cost in [.integer(year), .scaled(cost.tokens)] + costCells(cost, data) + [.millionsUSD(cost.costUSD)] }
        return [
            .subheading("All sites, year by year"),
            .paragraph("Cost per million tokens over the sites that produce tokens each year: their cost divided by their tokens (undiscounted)."),
            .chart(.costTrend),
            .table(ReportTable(["year", "tokens (tokens/yr)", "total ($/M tokens)"] + data.components.map { "\($0.name) ($/M tokens)" } + ["cost (M$/yr)"],
                               rows: rows)),
        ]
    }

    /// The dual of each zone's demand rows: what one more million tokens costs there.
    static func marginalCosts(_ data: ReportData) -> ReportSection {
        let penalty = data.plan.unservedPenaltyUSDPerMTok
        let rows: [[ReportCell]] = data.zoneIDs.map { zone in
            [ReportCell(zone)] + data.years.map { year in data.zone(zone, year).map { .usdPerMTok($0.marginalUSDPerMTok) } ?? "–" }
        }
        return ReportSection(id: "marginal", title: "Marginal cost per zone", blocks: [
            .paragraph("What one more million tokens would cost in each zone and year (the demand rows' duals, token-weighted over the time slices, undiscounted). A value at the unserved penalty ($\(ReportCell.usdPerMTokText(penalty))) means the zone is short of capacity: the next token goes unserved."),
            .chart(.marginalCostTrend),
            .table(ReportTable(["zone"] + data.years.map { "\($0) ($/M tokens)" }, rows: rows)),
        ])
    }

    /// Market API prices against the cost floor in the last year.
    static func market(_ data: ReportData) -> ReportSection {
        let last = data.lastYear, share = data.report.inputShare
        guard let floor = data.costFloor else {
            return ReportSection(id: "market", title: "Market prices and the cost floor", blocks: [.paragraph("No site produces tokens in \(last), so there is no cost floor to compare with.")])
        }
        var blocks: [ReportBlock] = [.paragraph(
            "The cost floor in \(last): $\(ReportCell.usdPerMTokText(floor.cheapest.costUSDPerMTok)) per million tokens at the cheapest site (\(floor.cheapest.site)), $\(ReportCell.usdPerMTokText(floor.mean)) token-weighted over all producing sites.")]
        let prices = data.plan.marketPrices
        if prices.isEmpty {
            blocks.append(.paragraph("The plan lists no market prices (`market_prices`)."))
        } else {
            blocks.append(.paragraph("API list prices blended at \(NumberFormat.percent(share)) input tokens. The ratio to the floor is the room for margin and for everything the model leaves out (training, sales, spare capacity)."))
            let rows: [[ReportCell]] = prices.map { price in
                let blended = price.blendedUSDPerMTok(inputShare: share)
                return [ReportCell(price.model), ReportCell(price.source ?? ""), .usdPerMTok(price.inputUSDPerMTok), .usdPerMTok(price.outputUSDPerMTok),
                        .usdPerMTok(blended), .factor(blended / floor.cheapest.costUSDPerMTok), .factor(blended / floor.mean)]
            }
            blocks.append(.table(ReportTable(["model", "source", "input ($/M tokens)", "output ($/M tokens)", "blended ($/M tokens)",
                                              "÷ cheapest site (×)", "÷ mean cost (×)"], labels: 2, rows: rows)))
        }
        return ReportSection(id: "market", title: "Market prices and the cost floor", blocks: blocks)
    }

    /// The total and each component, $ per million tokens ("–" without tokens).
    private static func costCells(_ cost: PlacementResult.TokenCost?, _ data: ReportData) -> [ReportCell] {
        [cost.map { .usdPerMTok($0.costUSDPerMTok) } ?? "–"] + data.components.map { component in
            cost.map { .usdPerMTok($0.costUSDPerMTokBreakdown[keyPath: component.value]) } ?? "–"
        }
    }
}
