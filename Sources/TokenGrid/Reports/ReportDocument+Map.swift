extension ReportDocument {
    /// Where the sites and zones are and which site serves which zone in the last year: the HTML draws the map, both
    /// list the flows.
    static func map(_ data: ReportData) -> ReportSection {
        let last = data.lastYear
        let regions = Dictionary(uniqueKeysWithValues: data.report.scenario.regions.map { ($0.id, $0) })
        var rows: [[ReportCell]] = []
        for zone in data.plan.zones {
            guard let year = data.zone(zone.id, last) else { continue }
            for share in year.servedBy {
                let distance = zone.location.flatMap { location in regions[share.site].map { $0.location.distanceKM(to: location) } }
                rows.append([ReportCell(zone.id), ReportCell(share.site), .scaled(share.tokens),
                             .percent(year.demandTokens > 0 ? share.tokens / year.demandTokens : 0),
                             distance.map { ReportCell(NumberFormat.grouped($0, 0), sortKey: $0) } ?? "–",
                             distance.map { ReportCell(NumberFormat.fixed(GeoLocation.roundTripMS(routeKM: $0 * DemandZone.defaultRouteFactor), 0), sortKey: $0) } ?? "–"])
            }
        }
        var blocks: [ReportBlock] = [
            .paragraph("Sites sized by the IT capacity they have in service in \(last), the demand zones, and which site serves which zone in \(last)."),
            .chart(.map),
            .subheading("Serving flows in \(last)"),
        ]
        if rows.isEmpty {
            blocks.append(.paragraph("No site serves any zone in \(last)."))
        } else {
            blocks.append(.paragraph("Tokens each site serves each zone; distance is great-circle, the round trip is estimated as in the plan's latency limits (× 1.5 route factor, 200 km/ms in fibre)."))
            blocks.append(.table(ReportTable(["zone", "site", "tokens (tokens/yr)", "share of the zone's demand (%)", "distance (km)", "round trip (ms)"],
                                             labels: 2, rows: rows, sortable: true)))
        }
        return ReportSection(id: "map", title: "Map", blocks: blocks)
    }
}
