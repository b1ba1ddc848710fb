extension HTMLReport {
    /// Colours of the cost components, in `ReportData.components` order.
    static let componentColours = ["#4e79a7", "#a0cbe8", "#f28e2b", "#7f7f7f", "#59a14f", "#b07aa1", "#e15759", "#76b7b2", "#edc948"]

    /// A chart of the document as `<figure>`s with inline SVG. Sites and zones keep one colour each, by plan order.
    static func render(_ chart: ReportChart, _ data: ReportData) -> String {
        let years = data.years.map(String.init), last = data.lastYear
        switch chart {
        case .demand:
            let series = data.plan.zones.enumerated().compactMap { index, zone -> SVGChart.Series? in
                guard let projected = data.report.demand.zone(zone.id) else { return nil }
                return SVGChart.Series(name: zone.id, values: data.years.map { year in projected.years.first { $0.year == year }?.tokensPerYear ?? 0 },
                                       color: SVGChart.color(index))
            }
            let linear = SVGChart.lines(categories: years, series: series, logarithmic: false, yTitle: "tokens/yr", label: "Demand by zone, tokens per year")
            let log = SVGChart.lines(categories: years, series: series, logarithmic: true, yTitle: "tokens/yr (log scale)",
                                     label: "Demand by zone, tokens per year, log scale")
            return "<div class=\"charts\">\n" + figure(linear, caption: "Demand by zone, tokens/yr.") + "\n"
                + figure(log, caption: "The same on a log scale: a straight line is constant growth.") + "\n</div>"

        case .capacity:
            let series = data.siteIDs.enumerated().compactMap { index, id -> SVGChart.Series? in
                let values = data.years.map { data.site(id, $0)?.itMWInstalled ?? 0 }
                return values.contains { $0 > ReportCell.epsilon } ? SVGChart.Series(name: id, values: values, color: SVGChart.color(index)) : nil
            }
            guard !series.isEmpty else { return "" }
            let svg = SVGChart.stackedColumns(categories: years, series: series, yTitle: "MW IT installed", unit: "MW IT",
                                              label: "IT capacity installed by site and year, MW")
            return figure(svg, caption: "IT capacity in service by site at the end of each year, MW IT (total on top).")

        case .costByComponent:
            // Cheapest first; ties keep plan order (the sort is stable).
            let sites = data.producing(in: last).enumerated().sorted { ($0.element.costUSDPerMTok, $0.offset) < ($1.element.costUSDPerMTok, $1.offset) }.map(\.element)
            guard !sites.isEmpty else { return "" }
            let series = data.components.enumerated().map { index, component in
                SVGChart.Series(name: component.name, values: sites.map { $0.costUSDPerMTokBreakdown[keyPath: component.value] },
                                color: componentColours[index % componentColours.count])
            }
            let svg = SVGChart.stackedBars(labels: sites.map(\.site), series: series, xTitle: "$ per million tokens, \(last)",
                                           format: { "$" + ReportCell.usdPerMTokText($0) }, label: "Cost per million tokens by site and component, \(last)")
            return figure(svg, caption: "Cost per million tokens by site and component in \(last), cheapest first.")

        case .reserveMargins:
            let sites = data.sites(in: last)
            guard !sites.isEmpty else { return "" }
            let series = [SVGChart.Series(name: "before data centres", values: sites.map(\.reserveMarginBefore), color: "#9cc3e4"),
                          SVGChart.Series(name: "after data centres", values: sites.map(\.reserveMarginAfter), color: "#2f5f98")]
            let svg = SVGChart.groupedBars(labels: sites.map(\.site), series: series, markers: ("reserve floor", sites.map(\.minReserveMargin), "#c0392b"),
                                           xTitle: "reserve margin at the peak, \(last)", format: NumberFormat.percent,
                                           tickFormat: { NumberFormat.fixed($0 * 100, 0) + "%" }, label: "Reserve margin at the peak before and after the data-centre load, \(last)")
            return figure(svg, caption: "Reserve margin in \(last) at the true peak: firm capacity ÷ load − 1 with each slice's load at its highest hour, so the year's peak hour counts. Before the data centres, and after their grid draw at the slice where it leaves the least margin; the dashed line is the region's floor.")

        case .dispatch:
            return dispatchCharts(data)
        case .map:
            return mapChart(data)
        case .costTrend:
            return costTrendChart(data)
        case .marginalCostTrend:
            return marginalCostChart(data)
        case .emissionsTrend:
            return emissionsChart(data)

        case .costAttribution(let index):
            return costAttributionChart(data, index)

        case .gridEdge:
            let edges = (data.result.gridEdge ?? []).filter { $0.year == last && ($0.connectedMW > ReportCell.epsilon || $0.firmHeadroomMW > ReportCell.epsilon) }
            guard !edges.isEmpty else { return "" }
            let series = [SVGChart.Series(name: "firm headroom", values: edges.map(\.firmHeadroomMW), color: "#9cc3e4"),
                          SVGChart.Series(name: "connected new load", values: edges.map(\.connectedMW), color: "#2f5f98")]
            let svg = SVGChart.groupedBars(labels: edges.map(\.site), series: series,
                                           markers: ("connectable at the site's curtailment share", edges.map { $0.connectableMW ?? $0.firmHeadroomMW }, "#c0392b"),
                                           xTitle: "MW at the meter, \(last)", format: { ReportCell.mwText($0) + " MW" },
                                           tickFormat: { NumberFormat.fixed($0, 0) }, label: "Connected new load against firm headroom, \(last)")
            return figure(svg, caption: "New load connected at each site in \(last) (PUE × new IT MW less on-site generation) against the firm headroom left at its tightest slice; the dashed mark is what its connection could carry at its curtailment share (the firm headroom for firm connections).")
        }
    }
}
