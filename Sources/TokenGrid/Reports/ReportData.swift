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

    /// The result's metrics (unserved share, token-weighted and levelised cost per million tokens).
    var metrics: PlacementResult.Metrics { result.metrics }

    /// The cost floor in the last year: the cheapest producing site and the token-weighted mean over producing sites.
    var costFloor: (cheapest: PlacementResult.SiteYear, mean: Double)? {
        guard let cheapest = producing(in: lastYear).min(by: { $0.costUSDPerMTok < $1.costUSDPerMTok }),
              let mean = metrics.year(lastYear)?.tokenWeighted?.costUSDPerMTok else { return nil }
        return (cheapest, mean)
    }

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
