extension ReportDocument {
    /// Cost per million tokens by site and component: in the last year, and levelised over the horizon.
    static func costs(_ data: ReportData) -> ReportSection {
        let last = data.lastYear, first = data.plan.firstYear
        let lastYear = data.producing(in: last)
        let horizon = data.siteIDs.map { data.horizon($0) }.filter { $0.contains { $0.tokens > 0 } }
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
                    + data.components.map { .usdPerMTok(site.costUSDPerMTokBreakdown[keyPath: $0.value]) } + [.scaled(site.costUSD.total)]
            }
            let total = data.costPerMTok(lastYear)
            let footer: [ReportCell] = ["all sites", .scaled(lastYear.reduce(0) { $0 + $1.tokens }), .mw(lastYear.reduce(0) { $0 + $1.itMWInstalled }),
                                        costCell(total?.total)] + data.components.map { costCell(total?.parts[keyPath: $0.value]) }
                + [.scaled(lastYear.reduce(0) { $0 + $1.costUSD.total })]
            blocks.append(.table(ReportTable(["site", "tokens (tokens/yr)", "installed (MW IT)", "total ($/M tokens)"] + components + ["cost ($/yr)"],
                                             rows: rows, footer: [footer], sortable: true)))
        }
        let idle = data.sites(in: last).filter { $0.tokens <= 0 && $0.costUSD.total > 1 }
        if !idle.isEmpty {
            blocks.append(.paragraph("Paying for capacity without producing tokens in \(last): " + idle.map { "\($0.site) ($\(NumberFormat.scaled($0.costUSD.total))/yr)" }.joined(separator: ", ") + "."))
        }
        blocks.append(.subheading("Over \(first)–\(last), levelised"))
        blocks.append(.paragraph("Discounted cost over the horizon divided by discounted tokens, at the plan's \(NumberFormat.percent(data.plan.discountRate))/yr: the constant price per million tokens that would just pay for the site."))
        if horizon.isEmpty {
            blocks.append(.paragraph("No site produces tokens over the horizon."))
        } else {
            let rows: [[ReportCell]] = horizon.map { years in
                let cost = data.levelisedCostPerMTok(years)
                return [ReportCell(years[0].site), .scaled(years.reduce(0) { $0 + $1.tokens }), costCell(cost?.total)]
                    + data.components.map { costCell(cost?.parts[keyPath: $0.value]) }
                    + [.scaled(years.reduce(0) { $0 + data.discountFactor($1.year) * $1.costUSD.total })]
            }
            let all = horizon.flatMap { $0 }, total = data.levelisedCostPerMTok(all)
            let footer: [ReportCell] = ["all sites", .scaled(all.reduce(0) { $0 + $1.tokens }), costCell(total?.total)]
                + data.components.map { costCell(total?.parts[keyPath: $0.value]) }
                + [.scaled(all.reduce(0) { $0 + data.discountFactor($1.year) * $1.costUSD.total })]
            blocks.append(.table(ReportTable(["site", "tokens \(first)–\(last) (tokens)", "levelised total ($/M tokens)"] + components + ["discounted cost ($)"],
                                             rows: rows, footer: [footer], sortable: true)))
        }
        return ReportSection(id: "costs", title: "Cost per million tokens by site", blocks: blocks)
    }

    /// The dual of each zone's demand rows: what one more million tokens costs there.
    static func marginalCosts(_ data: ReportData) -> ReportSection {
        let penalty = data.plan.unservedPenaltyUSDPerMTok
        let rows: [[ReportCell]] = data.zoneIDs.map { zone in
            [ReportCell(zone)] + data.years.map { year in data.zone(zone, year).map { .usdPerMTok($0.marginalUSDPerMTok) } ?? "–" }
        }
        return ReportSection(id: "marginal", title: "Marginal cost per zone", blocks: [
            .paragraph("What one more million tokens would cost in each zone and year (the demand rows' duals, token-weighted over the time slices, undiscounted). A value at the unserved penalty ($\(ReportCell.usdPerMTokText(penalty))) means the zone is short of capacity: the next token goes unserved."),
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

    private static func costCell(_ value: Double?) -> ReportCell { value.map { .usdPerMTok($0) } ?? "–" }
}
