extension CSVReport {
    /// `grid_edge.csv` (per site and year: connection, curtailment, on-site power, battery, upgrade) and
    /// `deferrals.csv` (per zone, year and largest move), for plans that have them.
    static func gridEdge(_ result: PlacementResult) -> [(name: String, text: String)] {
        let f = { (value: Double) in csvNumber(value) }
        var files: [(name: String, text: String)] = []
        if let edges = result.gridEdge {
            files.append(("grid_edge.csv", table(
                ["site", "year", "connection", "max_curtailment_share", "connected_mw", "firm_headroom_mw", "connectable_mw", "curtailed_hours",
                 "curtailed_mwh", "curtailment_cap_value_usd_per_mwh", "onsite_mw", "onsite_mwh", "onsite_fuel_usd", "battery_mw", "battery_mwh",
                 "battery_discharge_mwh", "upgrade_mw", "upgrade_cost_usd_per_mw_year", "headroom_value_usd_per_mw_year", "levers"],
                edges.map { e in
                    [e.site, String(e.year), e.connection, e.maxCurtailmentShare.map(f) ?? "", f(e.connectedMW), f(e.firmHeadroomMW), e.connectableMW.map(f) ?? "",
                     f(e.curtailedHours), f(e.curtailedMWh), f(e.curtailmentCapValueUSDPerMWh), f(e.onsiteMW), f(e.onsiteMWh), f(e.onsiteFuelUSD),
                     f(e.batteryMW), f(e.batteryMWh), f(e.batteryDischargeMWh), f(e.upgradeMW), e.upgradeCostUSDPerMWYear.map(f) ?? "",
                     f(e.headroomValueUSDPerMWYear), e.levers.joined(separator: ";")]
                })))
        }
        if let deferrals = result.deferrals {
            files.append(("deferrals.csv", table(
                ["zone", "year", "deferred_tokens", "deferred_share", "mean_delay_hours", "from_slice", "to_slice", "tokens"],
                deferrals.flatMap { d in
                    d.flows.isEmpty ? [[d.zone, String(d.year), f(d.deferredTokens), f(d.deferredShare), f(d.meanDelayHours), "", "", ""]]
                        : d.flows.map { [d.zone, String(d.year), f(d.deferredTokens), f(d.deferredShare), f(d.meanDelayHours), $0.fromSlice, $0.toSlice, f($0.tokens)] }
                })))
        }
        return files
    }
}
