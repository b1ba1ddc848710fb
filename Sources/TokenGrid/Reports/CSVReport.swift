import Foundation

/// The CSV files: one row per site-year, zone-year, build, dual and one status row (and per site, year and slice in
/// `dispatch.csv`, see `CSVReport+Dispatch.swift`). Units are in the column names.
public enum CSVReport {
    /// Each file's name and text.
    public static func render(_ report: Report) -> [(name: String, text: String)] {
        let result = report.result
        let f = { (value: Double) in csvNumber(value) }
        let sites = table(
            ["site", "year", "it_mw_built", "it_mw_installed", "tokens", "grid_mwh", "renewable_mwh", "renewable_mw_installed", "peak_grid_mw",
             "reserve_margin_before", "reserve_margin_after", "min_reserve_margin", "emissions_tco2", "cost_usd", "cost_usd_per_mtok",
             "capex_usd_per_mtok", "fixed_om_usd_per_mtok", "energy_usd_per_mtok", "carbon_usd_per_mtok", "renewables_usd_per_mtok", "network_usd_per_mtok"],
            result.sites.map { s in
                let b = s.costUSDPerMTokBreakdown
                return [s.site, String(s.year), f(s.itMWBuilt), f(s.itMWInstalled), f(s.tokens), f(s.gridMWh), f(s.renewableMWh), f(s.renewableMWInstalled),
                        f(s.peakGridMW), f(s.reserveMarginBefore), f(s.reserveMarginAfter), f(s.minReserveMargin), f(s.emissionsTonnes), f(s.costUSD.total),
                        f(s.costUSDPerMTok), f(b.computeCapex), f(b.fixedOM), f(b.energy), f(b.carbon), f(b.renewables), f(b.network)]
            })
        let zones = table(
            ["zone", "year", "demand_tokens", "served_tokens", "unserved_tokens", "marginal_usd_per_mtok", "served_by"],
            result.zones.map { z in
                [z.zone, String(z.year), f(z.demandTokens), f(z.servedTokens), f(z.unservedTokens), f(z.marginalUSDPerMTok),
                 z.servedBy.map { "\($0.site):\(csvNumber($0.tokens))" }.joined(separator: ";")]
            })
        let builds = table(
            ["site", "design", "year", "it_mw_built", "it_mw_installed", "accelerators", "tokens", "utilisation"],
            result.builds.map { b in [b.site, b.design, String(b.year), f(b.itMWBuilt), f(b.itMWInstalled), f(b.accelerators), f(b.tokens), f(b.utilisation)] })
        let duals = table(
            ["kind", "place", "year", "value", "unit", "binding_count"],
            result.headroom.map { h in ["grid_headroom", h.site, String(h.year), f(h.dualUSDPerMWYear), "usd_per_mw_year", String(h.bindingSlices)] }
                + result.zones.map { z in ["demand_marginal_cost", z.zone, String(z.year), f(z.marginalUSDPerMTok), "usd_per_mtok", ""] }
                + result.bindingConstraints.map { g in ["binding_\(g.family)", g.place, String(g.year), f(g.largestDual), "musd_per_row_unit", String(g.count)] })
        let s = result.solver
        let status = table(
            ["status", "objective_usd", "rows", "columns", "nonzeros", "iterations", "method", "primal_residual", "dual_residual", "duality_gap",
             "solve_attempts", "served_tokens", "unserved_tokens", "unserved_share", "discounted_cost_usd", "unserved_penalty_usd"],
            [[result.status.rawValue, f(result.objectiveUSD), String(s.rows), String(s.columns), String(s.nonzeros), String(s.iterations), s.method,
              f(s.check?.primalResidual ?? .nan), f(s.check?.dualResidual ?? .nan), f(s.check?.dualityGap ?? .nan), String(s.attempts.count),
              f(result.totalServedTokens), f(result.totalUnservedTokens), f(result.metrics.unservedShare), f(result.metrics.discountedCostUSD),
              f(result.costBreakdownUSD.unservedPenalty)]])
        return [("sites.csv", sites), ("zones.csv", zones), ("builds.csv", builds), ("duals.csv", duals), ("costs.csv", costs(result.metrics)),
                ("status.csv", status)] + gridEdge(result)
    }

    /// `costs.csv`: cost per million tokens over all producing sites in each year (token-weighted), then levelised over
    /// the horizon by site and over all sites (discounted cost ÷ discounted tokens), by component.
    static func costs(_ metrics: PlacementResult.Metrics) -> String {
        func row(_ scope: String, _ site: String, _ period: String, _ cost: PlacementResult.TokenCost) -> [String] {
            let b = cost.costUSDPerMTokBreakdown
            return [scope, site, period, csvNumber(cost.tokens), csvNumber(cost.costUSD), csvNumber(cost.costUSDPerMTok), csvNumber(b.computeCapex),
                    csvNumber(b.fixedOM), csvNumber(b.energy), csvNumber(b.carbon), csvNumber(b.renewables), csvNumber(b.network)]
        }
        var rows = metrics.years.compactMap { year in year.tokenWeighted.map { row("all_sites", "", String(year.year), $0) } }
        rows += metrics.levelisedBySite.map { row("site", $0.site, "levelised", $0.cost) }
        if let all = metrics.levelised { rows.append(row("all_sites", "", "levelised", all)) }
        return table(["scope", "site", "period", "tokens", "cost_usd", "cost_usd_per_mtok", "capex_usd_per_mtok", "fixed_om_usd_per_mtok",
                      "energy_usd_per_mtok", "carbon_usd_per_mtok", "renewables_usd_per_mtok", "network_usd_per_mtok"], rows)
    }

    /// `timings.csv`: wall-clock seconds of each phase, kept apart from the reports because they differ between runs.
    public static func timings(_ timings: PlacementResult.Timings, renderSeconds: Double) -> String {
        table(["phase", "seconds"], [
            ["build", NumberFormat.fixed(timings.buildSeconds, 3)], ["solve", NumberFormat.fixed(timings.solveSeconds, 3)],
            ["check", NumberFormat.fixed(timings.checkSeconds, 3)], ["extract", NumberFormat.fixed(timings.extractSeconds, 3)],
            ["render", NumberFormat.fixed(renderSeconds, 3)],
        ])
    }

    /// A number as CSV text: round-trippable, without grouping, locale-independent.
    static func csvNumber(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map(line).joined()
    }

    /// One CSV line, cells escaped, ending in a newline.
    static func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",") + "\n"
    }

    static func escape(_ cell: String) -> String {
        cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}
