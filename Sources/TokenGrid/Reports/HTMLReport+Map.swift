extension HTMLReport {
    /// The map: sites sized by IT capacity in service in the last year (hollow where nothing is built), demand zones with
    /// a location, and a line per site and zone, as wide as the tokens the site serves the zone that year.
    static func mapChart(_ data: ReportData) -> String {
        let last = data.lastYear
        let regions = data.report.scenario.regions
        let sites = regions.enumerated().map { index, region in
            let year = data.site(region.id, last)
            let installed = year?.itMWInstalled ?? 0
            var tooltip = "\(region.id) (\(region.name)): \(ReportCell.mwText(installed)) MW IT in service in \(last)"
            if let year, year.itMWBuilt > ReportCell.epsilon { tooltip += ", +\(ReportCell.mwText(year.itMWBuilt)) built that year" }
            if let year, year.tokens > 0 { tooltip += ", $\(ReportCell.usdPerMTokText(year.costUSDPerMTok)) per million tokens" }
            return SVGChart.MapPlace(name: region.id, point: point(region.location), size: installed > ReportCell.epsilon ? installed : 0,
                                     color: SVGChart.color(index), tooltip: tooltip)
        }
        let colours = Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1.id, SVGChart.color($0)) })
        let locations = Dictionary(uniqueKeysWithValues: regions.map { ($0.id, $0.location) })
        var zones: [SVGChart.MapPlace] = [], flows: [SVGChart.MapFlow] = []
        for zone in data.plan.zones {
            guard let location = zone.location else { continue }
            let year = data.zone(zone.id, last)
            let demand = year?.demandTokens ?? 0
            zones.append(SVGChart.MapPlace(name: zone.id, point: point(location), size: demand, color: "#333",
                                           tooltip: "\(zone.id) (\(zone.name)): \(NumberFormat.scaled(demand)) tokens demanded in \(last), \(NumberFormat.percent(year?.unservedShare ?? 0)) unserved"))
            for share in year?.servedBy ?? [] {
                guard let site = locations[share.site] else { continue }
                flows.append(SVGChart.MapFlow(from: point(location), to: point(site), value: share.tokens, color: colours[share.site] ?? "#888",
                                              tooltip: "\(share.site) → \(zone.id): \(NumberFormat.scaled(share.tokens)) tokens in \(last) (\(NumberFormat.percent(demand > 0 ? share.tokens / demand : 0)) of its demand)"))
            }
        }
        let svg = SVGChart.map(sites: sites, zones: zones, flows: flows, unit: "MW IT", flowLegend: "tokens served in \(last)",
                               label: "Map of the sites, sized by IT capacity in service in \(last), the demand zones and the tokens each site serves each zone",
                               attribution: WorldOutlines.attribution, clipID: "map-clip")
        let unplaced = data.plan.zones.filter { $0.location == nil }.map(\.id)
        return figure(svg, caption: "Sites sized by MW of IT in service in \(last) (area ∝ MW; hollow: nothing built), demand zones (diamonds) and a line from each zone to each site serving it, as wide as the tokens served in \(last). Hover for figures."
            + (unplaced.isEmpty ? "" : " Zones without a location are not drawn: \(unplaced.joined(separator: ", ")).") + " \(WorldOutlines.attribution).")
    }

    private static func point(_ location: GeoLocation) -> WorldOutlines.Point { WorldOutlines.Point(lon: location.lon, lat: location.lat) }
}
