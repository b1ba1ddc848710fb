extension ReportDocument {
    private static let colourA = "#9cc3e4", colourB = "#2f5f98"

    /// Sites of either run: A's plan order, then B's other sites.
    private static func sites(_ a: PlanSnapshot, _ b: PlanSnapshot) -> [String] { a.siteIDs + b.siteIDs.filter { !a.siteIDs.contains($0) } }
    private static func zones(_ a: PlanSnapshot, _ b: PlanSnapshot) -> [String] { a.zoneIDs + b.zoneIDs.filter { !a.zoneIDs.contains($0) } }

    /// "+1.5" / "−0.2" in `format`, "–" when both are absent and "same" when equal.
    private static func change(_ x: Double?, _ y: Double?, _ format: (Double) -> String) -> ReportCell {
        guard let x, let y else { return "–" }
        let d = y - x
        if abs(d) <= 1e-9 * max(abs(x), abs(y), 1e-12) { return ReportCell("same", sortKey: 0) }
        return ReportCell((d > 0 ? "+" : "−") + format(abs(d)), sortKey: d)
    }

    private static func years(_ a: PlanSnapshot, _ b: PlanSnapshot) -> (String, String) {
        a.lastYear == b.lastYear ? ("\(a.lastYear)", "\(a.lastYear)") : ("A \(a.lastYear)", "B \(b.lastYear)")
    }

    /// IT capacity in service by site in each run's last year.
    static func capacityChange(_ a: PlanSnapshot, _ b: PlanSnapshot) -> ReportSection {
        let ids = sites(a, b), (yearA, yearB) = years(a, b)
        let values = ids.map { (a.sites[$0]?[a.lastYear]?.itMWInstalled, b.sites[$0]?[b.lastYear]?.itMWInstalled) }
        let rows: [[ReportCell]] = zip(ids, values).map { id, pair in
            [ReportCell(id), pair.0.map { .mw($0) } ?? "(no site)", pair.1.map { .mw($0) } ?? "(no site)", change(pair.0 ?? 0, pair.1 ?? 0, ReportCell.mwText)]
        }
        let totals = (a.installedMW(in: a.lastYear), b.installedMW(in: b.lastYear))
        let svg = SVGChart.groupedBars(labels: ids, series: [SVGChart.Series(name: "A", values: values.map { $0.0 ?? 0 }, color: colourA),
                                                             SVGChart.Series(name: "B", values: values.map { $0.1 ?? 0 }, color: colourB)],
                                       xTitle: "MW IT in service, \(yearA == yearB ? yearA : "each run's last year")", format: { ReportCell.mwText($0) + " MW" },
                                       tickFormat: { NumberFormat.fixed($0, 0) }, label: "IT capacity in service by site, A and B")
        return ReportSection(id: "capacity", title: "Capacity by site", blocks: [
            .figure(svg: svg, caption: "IT capacity in service by site in the last year, A (light) and B (dark), MW IT."),
            .table(ReportTable(["site", "A, \(yearA) (MW IT)", "B, \(yearB) (MW IT)", "change (MW IT)"], rows: rows,
                               footer: [["total", .mw(totals.0), .mw(totals.1), change(totals.0, totals.1, ReportCell.mwText)]], sortable: true)),
        ])
    }

    /// Cost per million tokens by site: in the last year and levelised over the horizon.
    static func costChange(_ a: PlanSnapshot, _ b: PlanSnapshot) -> ReportSection {
        let ids = sites(a, b), (yearA, yearB) = years(a, b)
        func levelised(_ run: PlanSnapshot, _ id: String) -> Double? {
            run.metrics?["levelised_by_site"]?.elements.first { $0["site"]?.string == id }?["cost"]?["cost_usd_per_mtok"]?.number
        }
        let money = { (value: Double) in "$" + ReportCell.usdPerMTokText(value) }
        let rows: [[ReportCell]] = ids.map { id in
            let x = a.sites[id]?[a.lastYear]?.costUSDPerMTok, y = b.sites[id]?[b.lastYear]?.costUSDPerMTok
            let lx = levelised(a, id), ly = levelised(b, id)
            return [ReportCell(id), x.map { .usdPerMTok($0) } ?? "–", y.map { .usdPerMTok($0) } ?? "–", change(x, y, ReportCell.usdPerMTokText),
                    lx.map { .usdPerMTok($0) } ?? "–", ly.map { .usdPerMTok($0) } ?? "–", change(lx, ly, ReportCell.usdPerMTokText)]
        }
        let producing = ids.filter { a.sites[$0]?[a.lastYear]?.costUSDPerMTok != nil || b.sites[$0]?[b.lastYear]?.costUSDPerMTok != nil }
        var blocks: [ReportBlock] = []
        if !producing.isEmpty {
            let svg = SVGChart.groupedBars(labels: producing, series: [
                SVGChart.Series(name: "A", values: producing.map { a.sites[$0]?[a.lastYear]?.costUSDPerMTok ?? 0 }, color: colourA),
                SVGChart.Series(name: "B", values: producing.map { b.sites[$0]?[b.lastYear]?.costUSDPerMTok ?? 0 }, color: colourB),
            ], xTitle: "$ per million tokens, last year", format: money, tickFormat: { "$" + SVGChart.compact($0) },
            label: "Cost per million tokens by site, A and B")
            blocks.append(.figure(svg: svg, caption: "Cost per million tokens by site in the last year, A (light) and B (dark); a site without tokens in a run shows no bar."))
        }
        blocks.append(.paragraph("Each site's cost divided by the tokens it produced; levelised is discounted cost ÷ discounted tokens over the horizon. \"–\": no tokens."))
        blocks.append(.table(ReportTable(["site", "A, \(yearA) ($/M tokens)", "B, \(yearB) ($/M tokens)", "change ($/M tokens)", "A levelised ($/M tokens)",
                                          "B levelised ($/M tokens)", "change, levelised ($/M tokens)"], rows: rows, sortable: true)))
        return ReportSection(id: "costs", title: "Cost per million tokens by site", blocks: blocks)
    }

    /// The marginal cost per zone and year, A → B.
    static func marginalChange(_ a: PlanSnapshot, _ b: PlanSnapshot) -> ReportSection {
        let years = Array(Set(a.zones.values.flatMap(\.keys) + b.zones.values.flatMap(\.keys))).sorted()
        let rows: [[ReportCell]] = zones(a, b).map { id in
            [ReportCell(id)] + years.map { year in
                let x = a.zones[id]?[year]?.marginalUSDPerMTok, y = b.zones[id]?[year]?.marginalUSDPerMTok
                switch (x, y) {
                case let (x?, y?) where abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1e-12): return .usdPerMTok(x)
                case let (x?, y?): return ReportCell(ReportCell.usdPerMTokText(x) + " → " + ReportCell.usdPerMTokText(y), sortKey: y - x)
                case let (x?, nil): return ReportCell(ReportCell.usdPerMTokText(x) + " → –")
                case let (nil, y?): return ReportCell("– → " + ReportCell.usdPerMTokText(y))
                default: return "–"
                }
            }
        }
        return ReportSection(id: "marginal", title: "Marginal cost per zone", blocks: [
            .paragraph("What one more million tokens costs in each zone and year (the demand rows' duals), A → B where they differ."),
            .table(ReportTable(["zone"] + years.map { "\($0) ($/M tokens)" }, rows: rows)),
        ])
    }

    /// Limits that bind in one run and not the other, by family and place.
    static func bindingChange(_ a: PlanSnapshot, _ b: PlanSnapshot) -> ReportSection {
        let keys = Set(a.binding.keys).union(b.binding.keys).sorted()
        let differing = keys.filter { a.binding[$0] != b.binding[$0] }
        func years(_ list: [Int]?) -> ReportCell { ReportCell(list.map { $0.map(String.init).joined(separator: ", ") } ?? "–") }
        var blocks: [ReportBlock] = [.paragraph("Constraints binding with a non-zero dual (headroom, build limits, carbon cap, budget …), by family and site or zone, with the years they bind in. \(keys.count - differing.count) bind in the same years in both.")]
        if differing.isEmpty {
            blocks.append(.paragraph("The same limits bind in the same years."))
        } else {
            blocks.append(.table(ReportTable(["limit", "site or zone", "binding in A (years)", "binding in B (years)"], labels: 4,
                                             rows: differing.map { [ReportCell($0.family), ReportCell($0.place.isEmpty ? "plan" : $0.place), years(a.binding[$0]), years(b.binding[$0])] })))
        }
        return ReportSection(id: "binding", title: "Binding limits", blocks: blocks)
    }

    /// Zone-years with unserved demand in either run.
    static func unservedChange(_ a: PlanSnapshot, _ b: PlanSnapshot) -> ReportSection {
        var rows: [[ReportCell]] = []
        for id in zones(a, b) {
            let years = Array(Set((a.zones[id]?.keys).map(Array.init) ?? []).union((b.zones[id]?.keys).map(Array.init) ?? [])).sorted()
            for year in years {
                let x = a.zones[id]?[year], y = b.zones[id]?[year]
                guard (x?.unservedTokens ?? 0) > 0 || (y?.unservedTokens ?? 0) > 0 else { continue }
                rows.append([ReportCell(id), .integer(year), x.map { .percent($0.unservedShare) } ?? "–", y.map { .percent($0.unservedShare) } ?? "–",
                             change(x?.unservedShare, y?.unservedShare) { NumberFormat.fixed($0 * 100, 1) + " pp" },
                             x.map { .scaled($0.unservedTokens) } ?? "–", y.map { .scaled($0.unservedTokens) } ?? "–"])
            }
        }
        return ReportSection(id: "unserved", title: "Unserved demand", blocks: rows.isEmpty ? [.paragraph("All demand is served in both runs.")] : [
            .table(ReportTable(["zone", "year", "A (% of demand)", "B (% of demand)", "change (pp)", "A (tokens/yr)", "B (tokens/yr)"], rows: rows)),
        ])
    }
}
