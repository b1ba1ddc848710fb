extension HTMLReport {
    private static let gridDrawColour = "#4e79a7", renewableColour = "#59a14f", headroomColour = "#c0392b"

    /// The dispatch charts: for each site ``DispatchView/charted`` picks, its peak day and its stretch (a typical week,
    /// or the blocks in order) side by side under the site's name. Empty without dispatch data.
    static func dispatchCharts(_ data: ReportData) -> String {
        guard let view = DispatchView(data) else { return "" }
        return view.charted.map { site in
            var figures = [peakDayFigure(view, site)]
            if view.blocks.count > 1 { figures.append(stretchFigure(view, site)) }
            return "<h3>\(escape(site.dispatch.site))</h3>\n<div class=\"charts\">\n" + figures.joined(separator: "\n") + "\n</div>"
        }.joined(separator: "\n")
    }

    private static func peakDayFigure(_ view: DispatchView, _ site: DispatchView.Site) -> String {
        let slices = view.blocks[site.peakBlock], day = view.label(ofBlock: site.peakBlock)
        let labels = slices.enumerated().map { index, t in SVGChart.AxisLabel(text: hours(view, slices, index), start: index, count: 1) }
        let svg = chart(view, site, slices: slices, groups: [], labels: labels, xTitle: "hour of the day (UTC)",
                        label: "\(site.dispatch.site): grid draw and renewables against headroom on its peak day, \(day) \(view.year)")
        return figure(svg, caption: "\(site.dispatch.site), peak day of \(view.year) (\(day)): the \(view.blockNoun) holding its highest grid draw, \(ReportCell.mwText(site.peakGridMW)) MW at \(view.sliceLabel(site.peakSlice)). Grid draw and renewable use stacked, MW; dashed: grid headroom.")
    }

    private static func stretchFigure(_ view: DispatchView, _ site: DispatchView.Site) -> String {
        var groups: [SVGChart.AxisLabel] = [], slices: [Int] = []
        for block in site.stretch {
            groups.append(SVGChart.AxisLabel(text: view.label(ofBlock: block), start: slices.count, count: view.blocks[block].count))
            slices += view.blocks[block]
        }
        let first = view.label(ofBlock: site.stretch[0]), last = view.label(ofBlock: site.stretch[site.stretch.count - 1])
        let what: String, xTitle: String
        switch view.stretchKind {
        case .typicalWeek: (what, xTitle) = ("\(view.stretchDescription) of \(view.year): \(first) – \(last)", "days (UTC)")
        case .blocksInOrder(let noun): (what, xTitle) = ("\(view.stretchDescription), \(view.year)", "\(noun), 24 hours UTC each")
        }
        let svg = chart(view, site, slices: slices, groups: groups, labels: groups, xTitle: xTitle,
                        label: "\(site.dispatch.site): grid draw and renewables against headroom, \(what)")
        return figure(svg, caption: "\(site.dispatch.site), \(what). Same series as the peak day.")
    }

    /// The stacked grid draw and renewable use (left out when the site uses none all year) against the headroom line.
    private static func chart(_ view: DispatchView, _ site: DispatchView.Site, slices: [Int], groups: [SVGChart.AxisLabel],
                              labels: [SVGChart.AxisLabel], xTitle: String, label: String) -> String {
        let row = site.dispatch
        var series = [SVGChart.Series(name: "grid draw", values: slices.map { row.gridMW[$0] }, color: gridDrawColour)]
        if row.renewableMW.contains(where: { $0 > ReportCell.epsilon }) {
            series.append(SVGChart.Series(name: "renewables", values: slices.map { row.renewableMW[$0] }, color: renewableColour))
        }
        let limit = SVGChart.Series(name: "headroom", values: slices.map { row.headroomMW[$0] }, color: headroomColour)
        let tooltips = slices.map { t in
            "\(row.site), \(view.sliceLabel(t)): grid \(ReportCell.mwText(row.gridMW[t])) MW, renewables \(ReportCell.mwText(row.renewableMW[t])) MW, headroom \(ReportCell.mwText(row.headroomMW[t])) MW, \(NumberFormat.scaled(row.tokensPerS[t])) tokens/s"
        }
        return SVGChart.stackedSteps(series: series, limit: limit, groups: groups, labels: labels, tooltips: tooltips,
                                     xTitle: xTitle, yTitle: "MW", unit: "MW", label: label)
    }

    /// The hours of the day slice `slices[index]` covers: "17", or "16–20" for a slice longer than an hour.
    private static func hours(_ view: DispatchView, _ slices: [Int], _ index: Int) -> String {
        let start = view.hourOfDay(ofSlice: slices[index])
        let end = index + 1 < slices.count ? view.hourOfDay(ofSlice: slices[index + 1]) : 24
        return end - start > 1 ? "\(TimeSlicePreset.twoDigits(start))–\(TimeSlicePreset.twoDigits(end))" : TimeSlicePreset.twoDigits(start)
    }
}
