extension HTMLReport {
    /// Cost per million tokens over all producing sites, token-weighted, by component and year (stacked columns).
    static func costTrendChart(_ data: ReportData) -> String {
        let years = data.metrics.years.filter { $0.tokenWeighted != nil }
        guard !years.isEmpty else { return "" }
        let series = data.components.enumerated().map { index, component in
            SVGChart.Series(name: component.name, values: years.map { $0.tokenWeighted?.costUSDPerMTokBreakdown[keyPath: component.value] ?? 0 },
                            color: componentColours[index % componentColours.count])
        }
        let svg = SVGChart.stackedColumns(categories: years.map { String($0.year) }, series: series, yTitle: "$ per million tokens", unit: "$/M tokens",
                                          label: "Cost per million tokens over all sites by component and year", format: { "$" + ReportCell.usdPerMTokText($0) },
                                          tickFormat: { "$" + SVGChart.compact($0) }, height: 340)
        return figure(svg, caption: "Cost per million tokens over all producing sites (Σ cost ÷ Σ tokens, undiscounted) by component and year; the total is on top.")
    }

    /// The marginal cost per zone over the years (lines), on a log axis when the values span more than a factor of 30.
    static func marginalCostChart(_ data: ReportData) -> String {
        let series = data.plan.zones.enumerated().map { index, zone in
            SVGChart.Series(name: zone.id, values: data.years.map { data.zone(zone.id, $0)?.marginalUSDPerMTok ?? 0 }, color: SVGChart.color(index))
        }
        let positive = series.flatMap(\.values).filter { $0 > 0 }
        guard let low = positive.min(), let high = positive.max() else { return "" }
        let logarithmic = high / low > 30
        let svg = SVGChart.lines(categories: data.years.map(String.init), series: series, logarithmic: logarithmic,
                                 yTitle: "$ per million tokens" + (logarithmic ? " (log scale)" : ""), label: "Marginal cost per zone and year",
                                 format: { "$" + ReportCell.usdPerMTokText($0) + " per million tokens" }, tickFormat: { "$" + SVGChart.compact($0) },
                                 width: 860, height: 320)
        let penalty = data.plan.unservedPenaltyUSDPerMTok
        return figure(svg, caption: "Marginal cost per zone, $ per million tokens (the demand rows' duals, undiscounted)"
            + (logarithmic ? ", on a log scale" : "") + ". A zone at the unserved penalty ($\(ReportCell.usdPerMTokText(penalty))) is short of capacity that year.")
    }

    /// Grid emissions by site and year (stacked columns); empty when no site draws grid energy.
    static func emissionsChart(_ data: ReportData) -> String {
        let series = data.siteIDs.enumerated().compactMap { index, id -> SVGChart.Series? in
            let values = data.years.map { data.site(id, $0)?.emissionsTonnes ?? 0 }
            return values.contains { $0 > ReportCell.epsilon } ? SVGChart.Series(name: id, values: values, color: SVGChart.color(index)) : nil
        }
        guard !series.isEmpty else { return "" }
        let svg = SVGChart.stackedColumns(categories: data.years.map(String.init), series: series, yTitle: "tCO2 per year", unit: "tCO2",
                                          label: "Grid emissions by site and year, tCO2", format: { NumberFormat.scaled($0, unit: "tCO2") }, height: 340)
        return figure(svg, caption: "Emissions of the grid energy the data centres draw, by site and year, tCO2 (the total on top).")
    }
}
