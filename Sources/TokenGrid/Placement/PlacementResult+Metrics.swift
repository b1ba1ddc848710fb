/// The headline figures derived from a result, computed once when the result is made (``PlacementModel/results(from:statistics:)``)
/// and read by the terminal summary, the reports, the CSV files, `plan.json`, sweeps and `tokengrid compare`.
extension PlacementResult {
    public struct Metrics: Sendable, Codable, Hashable {
        /// Demand over all zones and years, tokens.
        public var demandTokens: Double = 0
        /// Tokens served over all zones and years.
        public var servedTokens: Double = 0
        /// Tokens not served over all zones and years.
        public var unservedTokens: Double = 0
        /// Unserved ÷ demand over the horizon (0 without demand).
        public var unservedShare: Double = 0
        /// Total discounted cost to the first planning year without the penalty on unserved tokens, $: what building
        /// and running the sites costs (the objective is this plus `costBreakdownUSD.unservedPenalty`).
        public var discountedCostUSD: Double = 0
        /// Per planning year, ascending.
        public var years: [YearMetrics] = []
        /// Per site that produces tokens in some year, plan order: cost per million tokens levelised over the horizon.
        public var levelisedBySite: [SiteCost] = []
        /// The same over all those sites together (nil when no site produces tokens).
        public var levelised: TokenCost?

        public init() {}

        /// The metrics of `result`; `discountFactor` gives the LP's discount factor of a calendar year.
        public init(_ result: PlacementResult, discountFactor: (Int) -> Double) {
            demandTokens = result.zones.reduce(0) { $0 + $1.demandTokens }
            servedTokens = result.totalServedTokens
            unservedTokens = result.totalUnservedTokens
            unservedShare = Self.share(unservedTokens, of: demandTokens)
            discountedCostUSD = result.costBreakdownUSD.total - result.costBreakdownUSD.unservedPenalty
            var siteOrder: [String] = [], sitesByID: [String: [SiteYear]] = [:]
            for site in result.sites {
                if sitesByID[site.site] == nil { siteOrder.append(site.site) }
                sitesByID[site.site, default: []].append(site)
            }
            let yearList = Array(Set(result.sites.map(\.year) + result.zones.map(\.year))).sorted()
            years = yearList.map { year in
                let sites = result.sites.filter { $0.year == year }, zones = result.zones.filter { $0.year == year }
                let demand = zones.reduce(0) { $0 + $1.demandTokens }, unserved = zones.reduce(0) { $0 + $1.unservedTokens }
                return YearMetrics(year: year, tokenWeighted: TokenCost(sites.filter { $0.tokens > 0 }), unservedShare: Self.share(unserved, of: demand),
                                   emissionsTonnes: sites.reduce(0) { $0 + $1.emissionsTonnes })
            }
            let horizons = siteOrder.map { sitesByID[$0]!.sorted { $0.year < $1.year } }.filter { $0.contains { $0.tokens > 0 } }
            levelisedBySite = horizons.compactMap { years in TokenCost(years, weight: discountFactor).map { SiteCost(site: years[0].site, cost: $0) } }
            levelised = TokenCost(horizons.flatMap { $0 }, weight: discountFactor)
        }

        /// The metrics of `year`, if it is a planning year.
        public func year(_ year: Int) -> YearMetrics? { years.first { $0.year == year } }

        private static func share(_ part: Double, of whole: Double) -> Double { whole > 0 ? part / whole : 0 }
    }

    /// One planning year over all sites and zones.
    public struct YearMetrics: Sendable, Codable, Hashable {
        public var year: Int
        /// Cost per million tokens over the sites that produce tokens in the year, token-weighted (Σ cost ÷ Σ tokens;
        /// nil when none produces).
        public var tokenWeighted: TokenCost?
        /// Unserved ÷ demand in the year, over all zones.
        public var unservedShare: Double
        /// Grid emissions of all sites, tCO2.
        public var emissionsTonnes: Double
    }

    /// A site's levelised cost.
    public struct SiteCost: Sendable, Codable, Hashable {
        public var site: String
        public var cost: TokenCost
    }

    /// The cost per million tokens of a group of site-years: Σ cost ÷ Σ tokens, each year weighted alike (one year,
    /// or several at their discount factors for a levelised cost).
    public struct TokenCost: Sendable, Codable, Hashable {
        /// Tokens produced, undiscounted.
        public var tokens: Double
        /// Cost of the group, $ (discounted to the first planning year when levelised).
        public var costUSD: Double
        /// Cost per million tokens, $: Σ weighted cost ÷ Σ weighted tokens.
        public var costUSDPerMTok: Double
        /// The same by component, $ per million tokens.
        public var costUSDPerMTokBreakdown: CostBreakdown

        /// The cost of `siteYears`, each weighted by `weight(year)`; nil when they produce no tokens.
        init?(_ siteYears: [SiteYear], weight: (Int) -> Double = { _ in 1 }) {
            let weighted = siteYears.reduce(0) { $0 + weight($1.year) * $1.tokens }
            guard weighted > 0 else { return nil }
            let cost = siteYears.reduce(CostBreakdown()) { $0 + $1.costUSD.scaled(by: weight($1.year)) }
            costUSDPerMTokBreakdown = cost.scaled(by: 1e6 / weighted)
            costUSDPerMTok = costUSDPerMTokBreakdown.total
            tokens = siteYears.reduce(0) { $0 + $1.tokens }
            costUSD = siteYears.reduce(0) { $0 + weight($1.year) * $1.costUSD.total }
        }
    }
}
