import Foundation

/// Lookups and sums over a report that both renderers and the charts need, in the plan's order: sites and zones as the
/// plan lists them, years ascending.
struct ReportData {
    typealias Cost = PlacementResult.CostBreakdown

    let report: Report
    var plan: Plan { report.scenario.plan }
    var result: PlacementResult { report.result }
    var years: [Int] { plan.years }
    var lastYear: Int { plan.lastYear }
    /// Site ids in plan order.
    var siteIDs: [String] { plan.regionIDs }
    var zoneIDs: [String] { plan.zones.map(\.id) }

    private let sitesByID: [String: [Int: PlacementResult.SiteYear]]
    private let zonesByID: [String: [Int: PlacementResult.ZoneYear]]

    init(_ report: Report) {
        self.report = report
        sitesByID = Dictionary(grouping: report.result.sites, by: \.site).mapValues { Dictionary($0.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first }) }
        zonesByID = Dictionary(grouping: report.result.zones, by: \.zone).mapValues { Dictionary($0.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first }) }
    }

    func site(_ id: String, _ year: Int) -> PlacementResult.SiteYear? { sitesByID[id]?[year] }
    func zone(_ id: String, _ year: Int) -> PlacementResult.ZoneYear? { zonesByID[id]?[year] }

    /// Every site's result in `year`, plan order.
    func sites(in year: Int) -> [PlacementResult.SiteYear] { siteIDs.compactMap { site($0, year) } }

    /// Sites that produced tokens in `year`.
    func producing(in year: Int) -> [PlacementResult.SiteYear] { sites(in: year).filter { $0.tokens > 0 } }

    /// A site's values over the horizon, years ascending.
    func horizon(_ id: String) -> [PlacementResult.SiteYear] { years.compactMap { site(id, $0) } }

    /// The LP's discount factor for `year`: 1 / (1 + r)^(year − first year).
    func discountFactor(_ year: Int) -> Double { plan.discountFactor(year: year) }

    /// Cost per million tokens of a group of site-years, by component: Σ cost ÷ Σ tokens, each year weighted by
    /// `weight` (1 for one year; the discount factor for a levelised cost over the horizon). Nil without tokens.
    func costPerMTok(_ siteYears: [PlacementResult.SiteYear], weight: (Int) -> Double = { _ in 1 }) -> (total: Double, parts: Cost)? {
        let tokens = siteYears.reduce(0) { $0 + weight($1.year) * $1.tokens }
        guard tokens > 0 else { return nil }
        let cost = siteYears.reduce(Cost()) { $0 + $1.costUSD.scaled(by: weight($1.year)) }
        let parts = cost.scaled(by: 1e6 / tokens)
        return (parts.total, parts)
    }

    /// Levelised cost per million tokens over the horizon: discounted cost ÷ discounted tokens.
    func levelisedCostPerMTok(_ siteYears: [PlacementResult.SiteYear]) -> (total: Double, parts: Cost)? {
        costPerMTok(siteYears, weight: discountFactor)
    }

    /// The cost floor in the last year: the cheapest producing site and the token-weighted mean over producing sites.
    var costFloor: (cheapest: PlacementResult.SiteYear, mean: Double)? {
        let producing = producing(in: lastYear)
        guard let cheapest = producing.min(by: { $0.costUSDPerMTok < $1.costUSDPerMTok }),
              let mean = costPerMTok(producing)?.total else { return nil }
        return (cheapest, mean)
    }

    /// Demand over the whole horizon, tokens.
    var totalDemandTokens: Double { result.zones.reduce(0) { $0 + $1.demandTokens } }

    /// The cost components a site pays, in the order tables and charts show them (the unserved penalty is plan-wide);
    /// on-site power, storage and grid upgrades only in plans that use grid-edge levers.
    var components: [(name: String, value: KeyPath<Cost, Double>)] {
        let base: [(name: String, value: KeyPath<Cost, Double>)] = [
            ("capex", \.computeCapex), ("fixed O&M", \.fixedOM), ("energy", \.energy), ("carbon", \.carbon),
            ("renewables", \.renewables), ("network", \.network),
        ]
        guard result.gridEdge != nil else { return base }
        return base + [("on-site power", \.onsitePower), ("storage", \.storage), ("grid upgrade", \.gridUpgrade)]
    }
}
